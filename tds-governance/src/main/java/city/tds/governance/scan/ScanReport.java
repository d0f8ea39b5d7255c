package city.tds.governance.scan;

import city.tds.governance.grade.GradeProposal;
import city.tds.governance.mask.MaskingProfile;
import city.tds.governance.quality.QualityReport;
import java.util.List;

/**
 * What one governance pass over a table found: each column's profile, sensitive findings and proposed grade, the grade
 * proposed for the whole resource, the quality report when rules were given, and a masking profile that would mask
 * every sensitive column. Nothing in it is a raw sensitive value: values of sensitive columns are masked.
 *
 * @param source what was scanned, e.g. the file name
 * @param encoding how its bytes were decoded
 * @param rows data rows read
 * @param quality the quality report, or {@code null} when no rules were given
 * @param proposedMasking a profile masking every column with a {@link ColumnReport#proposedMasking()}, or {@code null}
 *     when no column needs masking
 */
public record ScanReport(
        String source,
        String encoding,
        long rows,
        List<ColumnReport> columns,
        GradeProposal resourceGrade,
        QualityReport quality,
        MaskingProfile proposedMasking) {

    public ScanReport {
        columns = List.copyOf(columns);
    }
}
