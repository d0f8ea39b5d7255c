/**
 * Quality rules (issue 8): rules read from YAML in the vocabulary of Great Expectations and Deequ ({@code not-null},
 * {@code unique}, {@code in-set}, {@code between}, {@code matches}, {@code row-count-between}, {@code
 * compound-unique}, {@code freshness}, with a {@code mostly} tolerance), bound to a table's header and evaluated in
 * one streaming pass.
 *
 * <p>{@link city.tds.governance.quality.QualityRules#parse(String)} reads a rule file; {@link
 * city.tds.governance.quality.QualityRules#bind} binds it to a header (and declared column types, when known); {@link
 * city.tds.governance.quality.BoundRules#checks()} gives one independent, single-threaded {@link
 * city.tds.governance.quality.RuleCheck} per rule, which the scan feeds row by row; {@link
 * city.tds.governance.quality.QualityReport} scores the outcomes. Values arrive as strings ({@code null} for a missing
 * value); numbers and dates are read by hand-written parsers that do not throw or allocate on the hot path. Failed
 * rows are kept raw as samples; the scan masks them before showing them.
 */
package city.tds.governance.quality;
