package city.tds.governance.scan;

import city.tds.governance.detect.Finding;
import city.tds.governance.grade.GradeProposal;
import city.tds.governance.mask.MaskingRule;
import city.tds.governance.profile.ColumnProfile;
import java.util.List;

/**
 * What a scan found about one column.
 *
 * @param profile the column's profile; its values (top values, range, examples) are masked when the column holds
 *     sensitive data
 * @param findings the sensitive kinds found, the most confident first
 * @param grade the proposed grade, with the rules that fired
 * @param proposedMasking how to mask the column before it leaves its provider, or {@code null} when it need not be
 */
public record ColumnReport(
        ColumnProfile profile, List<Finding> findings, GradeProposal grade, MaskingRule proposedMasking) {

    public ColumnReport {
        findings = List.copyOf(findings);
    }

    public String column() {
        return profile.column();
    }
}
