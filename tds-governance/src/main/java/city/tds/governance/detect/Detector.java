package city.tds.governance.detect;

/**
 * Recognises values of one {@link SensitiveKind} by validating their structure.
 *
 * <p>Implementations are immutable and thread-safe; the caller supplies the value's {@link ValueShape}, computed once
 * per value and shared by all detectors.
 */
public interface Detector {

    /** The kind this detector recognises. */
    SensitiveKind kind();

    /** A cheap test on the shape alone: {@code false} means {@link #score} would certainly return 0. */
    boolean mayMatch(ValueShape shape);

    /**
     * How certain this detector is that {@code value} is of its kind: 0 when it is not, otherwise a value in (0, 1]
     * (near 1 for a validated check character, lower for dictionary matches). Call only after {@link #mayMatch}.
     *
     * @param value the raw value
     * @param shape the shape of {@code value}
     */
    double score(String value, ValueShape shape);

    /** Convenience for single values: whether {@code value} is of this detector's kind. */
    default boolean matches(String value) {
        ValueShape shape = new ValueShape().analyse(value);
        return mayMatch(shape) && score(value, shape) > 0;
    }
}
