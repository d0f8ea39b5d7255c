package city.tds.governance.grade;

import java.util.List;

/**
 * A proposed grade with the rules that led to it, for the provider to confirm or the reviewer to question.
 *
 * @param category the data category the deciding rule names (e.g. 敏感个人信息), or empty
 * @param fired every rule that applied, the deciding one first
 */
public record GradeProposal(Grade grade, String category, List<FiredRule> fired) {

    public GradeProposal {
        fired = List.copyOf(fired);
    }

    /**
     * A rule that applied.
     *
     * @param because the rule's own explanation
     * @param on the column (or columns, comma-separated) it applied to; empty for the default
     */
    public record FiredRule(String id, Grade grade, String because, String on) {}
}
