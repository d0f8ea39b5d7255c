package city.tds.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A data resource (数据资源) in the resource catalog: metadata about a source the provider holds on its own connector.
 * The catalog never holds the data or the credentials to reach it.
 *
 * @param connectorId the client id of the provider's connector that holds the source
 * @param sourceId the name under which that connector holds the source
 * @param classification the data category (数据分类), e.g. 经济/税务; set by governance, editable until then
 * @param grade the security grade (数据分级); set by governance, editable until then
 * @param gradeLevel the level of general data, 1 to 4, when {@code grade} is GENERAL and a level is known (given
 *     by the provider, or else proposed by governance)
 * @param gradeProposal what governance proposed from the fields, with its reasons; {@code null} when it had none
 */
public record DataResource(
        String id,
        String providerId,
        int version,
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
        Integer gradeLevel,
        ResourceGrader.GradeSuggestion gradeProposal,
        Instant createdAt,
        Instant updatedAt) {

    public DataResource {
        fields = List.copyOf(fields);
    }

    /** The grade's label: {@code 一般数据3级}, {@code 重要数据}, or {@code null} without a grade. */
    public String gradeLabel() {
        return DataGrade.label(grade, gradeLevel);
    }
}
