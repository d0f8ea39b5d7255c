package city.tds.governance.mask;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to do with one column: an algorithm name and its parameters as text, exactly as a profile's YAML gives them
 * ({@code {algorithm: keep, first: 3, last: 4}} is {@code keep} with {@code first=3, last=4}). Rules are checked when
 * a profile is made from them ({@link MaskingProfile#of}).
 */
public record MaskingRule(String algorithm, Map<String, String> parameters) {

    public MaskingRule {
        Objects.requireNonNull(algorithm, "algorithm");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static MaskingRule of(String algorithm) {
        return new MaskingRule(algorithm, Map.of());
    }

    /** This rule with one more parameter (its value as text). */
    public MaskingRule with(String name, Object value) {
        Map<String, String> more = new LinkedHashMap<>(parameters);
        more.put(name, String.valueOf(value));
        return new MaskingRule(algorithm, more);
    }

    /** {@code keep}: show the first and last code points. */
    public static MaskingRule keep(int first, int last) {
        return of("keep").with("first", first).with("last", last);
    }

    /** {@code mask-before}: mask what comes before the first {@code delimiter}. */
    public static MaskingRule maskBefore(char delimiter) {
        return of("mask-before").with("char", delimiter);
    }

    /** {@code hash}: a keyed pseudonym under the named key. */
    public static MaskingRule hash(String key) {
        return of("hash").with("key", key);
    }

    /** {@code fpe-id}, {@code fpe-mobile} or {@code fpe-credit-code} under the named key. */
    public static MaskingRule formatPreserving(String algorithm, String key) {
        return of(algorithm).with("key", key);
    }

    /** {@code date-truncate} to {@code year}, {@code month} or {@code day}. */
    public static MaskingRule truncateDate(String to) {
        return of("date-truncate").with("to", to);
    }

    /** {@code suppress}: deliver nothing of the value. */
    public static MaskingRule suppress() {
        return of("suppress");
    }
}
