package city.tds.policy;

import java.util.regex.Pattern;

/**
 * A GB/T 2260 administrative division code (行政区划代码): six digits, two for the province, two for the prefecture
 * and two for the county. {@code 330000} is Zhejiang, {@code 330100} Hangzhou, {@code 330106} Xihu district.
 */
public record RegionCode(String code) {

    private static final Pattern SIX_DIGITS = Pattern.compile("[1-9][0-9]{5}");

    public RegionCode {
        if (!isValid(code)) {
            throw new IllegalArgumentException("a GB/T 2260 region code has six digits; got " + code);
        }
    }

    /** Whether {@code text} has the shape of a region code (six digits, not starting with 0). */
    public static boolean isValid(String text) {
        return text != null && SIX_DIGITS.matcher(text).matches();
    }

    /** Whether this region is a province-level one ({@code xx0000}). */
    public boolean isProvince() {
        return code.endsWith("0000");
    }

    /** Whether this region is a prefecture-level one ({@code xxxx00}, not a province). */
    public boolean isPrefecture() {
        return code.endsWith("00") && !isProvince();
    }

    /**
     * Whether {@code other} lies within this region (or is it): a province contains the codes sharing its first two
     * digits, a prefecture those sharing its first four, a county only itself.
     */
    public boolean contains(RegionCode other) {
        if (isProvince()) {
            return other.code.startsWith(code.substring(0, 2));
        }
        if (isPrefecture()) {
            return other.code.startsWith(code.substring(0, 4));
        }
        return code.equals(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
