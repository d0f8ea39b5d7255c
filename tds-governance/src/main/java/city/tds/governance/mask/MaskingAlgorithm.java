package city.tds.governance.mask;

/**
 * Hides or transforms one value of a column.
 *
 * <p>Implementations are thread-safe and deterministic: the same value always masks to the same result, so masked
 * columns can still be joined and counted. {@code null} masks to {@code null} and {@code ""} to {@code ""}. A value an
 * algorithm cannot interpret (an ID-number algorithm given something that is not an ID number) is never returned as
 * it came: it is masked entirely, one {@code *} per code point.
 */
@FunctionalInterface
public interface MaskingAlgorithm {

    /** The masked form of {@code value}. */
    String mask(String value);
}
