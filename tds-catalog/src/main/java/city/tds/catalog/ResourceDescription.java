package city.tds.catalog;

import java.time.LocalDate;
import java.util.List;

/** What a provider says about a resource when it registers or edits it. */
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
        DataGrade grade) {}
