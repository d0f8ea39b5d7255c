package city.tds.catalog;

import java.util.List;

/**
 * Proposes a classification and grade for a resource from what its provider says about its fields (the governance
 * service's grading rules, after GB/T 43697-2024). The catalog fills a resource's grade with the proposal when the
 * provider gives none, and keeps the proposal's reasons beside the grade either way, so that a listing reviewer sees a
 * grade chosen below the proposal.
 */
public interface ResourceGrader {

    /** Proposes nothing: resources keep the grade their providers give. */
    ResourceGrader NONE = fields -> null;

    /**
     * The proposal for a resource with these fields, or {@code null} when this grader has none.
     *
     * @param fields the resource's fields, as checked by the catalog
     */
    GradeSuggestion suggest(List<ResourceField> fields);

    /**
     * A proposed grade.
     *
     * @param level 1 to 4 when {@code grade} is {@link DataGrade#GENERAL}, else {@code null}
     * @param classification the data category the deciding rule names, e.g. 敏感个人信息
     * @param basis why, one line per rule that applied, the deciding one first
     */
    record GradeSuggestion(DataGrade grade, Integer level, String classification, List<String> basis) {
        public GradeSuggestion {
            basis = List.copyOf(basis);
        }
    }
}
