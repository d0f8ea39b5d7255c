package city.tds.server.governance;

import city.tds.catalog.DataGrade;
import city.tds.catalog.ResourceField;
import city.tds.catalog.ResourceGrader;
import city.tds.governance.grade.ColumnFacts;
import city.tds.governance.grade.GradeProposal;
import city.tds.governance.grade.GradingRules;
import city.tds.governance.grade.ResourceGrading;
import java.util.List;

/**
 * Grades a resource at registration from what its provider says about its fields: each field is graded by its name
 * and description (a field {@code legal_person_id} described as 法定代表人身份证号 is an ID number) under the node's
 * rule set. A scan of the values on the provider's connector finds more; this is the catalog's own check.
 */
public final class GovernanceResourceGrader implements ResourceGrader {

    private final GradingRules rules;

    public GovernanceResourceGrader(GradingRules rules) {
        this.rules = rules;
    }

    @Override
    public GradeSuggestion suggest(List<ResourceField> fields) {
        ResourceGrading grading = rules.propose(fields.stream()
                .map(f -> ColumnFacts.named(f.name() + " " + f.description()))
                .toList());
        GradeProposal proposal = grading.resource();
        return new GradeSuggestion(
                switch (proposal.grade().dataClass()) {
                    case GENERAL -> DataGrade.GENERAL;
                    case IMPORTANT -> DataGrade.IMPORTANT;
                    case CORE -> DataGrade.CORE;
                },
                proposal.grade().level() == 0 ? null : proposal.grade().level(),
                proposal.category(),
                proposal.fired().stream().map(GovernanceResourceGrader::line).toList());
    }

    private static String line(GradeProposal.FiredRule rule) {
        String on = rule.on().isEmpty() ? "" : " [" + fieldName(rule.on()) + "]";
        return rule.id() + " → " + rule.grade().label() + on + ": " + rule.because();
    }

    /** The field names of "name description" column labels. */
    private static String fieldName(String on) {
        return String.join(
                ",",
                java.util.Arrays.stream(on.split(","))
                        .map(c -> c.contains(" ") ? c.substring(0, c.indexOf(' ')) : c)
                        .toList());
    }
}
