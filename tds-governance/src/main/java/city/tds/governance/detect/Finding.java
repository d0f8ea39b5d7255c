package city.tds.governance.detect;

/**
 * What {@link ColumnDetection} concludes about one kind in one column.
 *
 * @param kind the sensitive kind found
 * @param confidence how sure the detection is that the column holds this kind, in [0, 1]: the share of matching
 *     values, the detectors' own certainty and the column-name hint combined
 * @param share matched divided by examined
 * @param matched values recognised as this kind
 * @param examined non-missing values examined in the column
 * @param nameHint whether the column's name suggests this kind
 */
public record Finding(
        SensitiveKind kind, double confidence, double share, long matched, long examined, boolean nameHint) {}
