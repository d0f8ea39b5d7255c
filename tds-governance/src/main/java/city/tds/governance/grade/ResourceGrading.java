package city.tds.governance.grade;

import java.util.Map;

/** The proposal for a whole resource and for each of its columns (in the resource's column order). */
public record ResourceGrading(GradeProposal resource, Map<String, GradeProposal> columns) {}
