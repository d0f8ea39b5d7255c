package city.tds.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * What a provider says about a resource when it registers or edits it.
 *
 * @param gradeLevel the level of general data (一般数据), 1 to 4; only with grade GENERAL
 */
public record ResourceDescription(
        String title,
        String description,
        List<ResourceField> fields,
        SourceKind sourceKind,
        String connectorId,
        String sourceId,
        String department,
        UpdateFrequency updateFrequency,
        Long recordCount,
        Long sizeBytes,
        LocalDate coverageFrom,
        LocalDate coverageTo,
        String classification,
        DataGrade grade,
        Integer gradeLevel) {

    /** A description without a level of general data. */
    public ResourceDescription(
            String title,
            String description,
            List<ResourceField> fields,
            SourceKind sourceKind,
            String connectorId,
            String sourceId,
            String department,
            UpdateFrequency updateFrequency,
            Long recordCount,
            Long sizeBytes,
            LocalDate coverageFrom,
            LocalDate coverageTo,
            String classification,
            DataGrade grade) {
        this(
                title,
                description,
                fields,
                sourceKind,
                connectorId,
                sourceId,
                department,
                updateFrequency,
                recordCount,
                sizeBytes,
                coverageFrom,
                coverageTo,
                classification,
                grade,
                null);
    }
}
