package city.tds.governance.grade;

import java.util.Comparator;
import java.util.Objects;

/**
 * A grade after GB/T 43697-2024: core or important data, or general data of level 1 (may be public) to 4 (its leak
 * would seriously harm individuals or organisations, e.g. sensitive personal information).
 *
 * @param level 1 to 4 for general data, 0 for important and core data
 */
public record Grade(DataClass dataClass, int level) implements Comparable<Grade> {

    private static final Comparator<Grade> ORDER =
            Comparator.comparing(Grade::dataClass).thenComparingInt(Grade::level);

    public Grade {
        Objects.requireNonNull(dataClass, "dataClass");
        if (dataClass == DataClass.GENERAL ? level < 1 || level > 4 : level != 0) {
            throw new IllegalArgumentException("general data has a level from 1 to 4, other classes none: " + level);
        }
    }

    public static Grade general(int level) {
        return new Grade(DataClass.GENERAL, level);
    }

    public static final Grade IMPORTANT = new Grade(DataClass.IMPORTANT, 0);
    public static final Grade CORE = new Grade(DataClass.CORE, 0);

    /**
     * Reads {@code 1}..{@code 4}, {@code IMPORTANT}, {@code CORE} or the Chinese labels ({@code 一般数据3级}, {@code 重要数据},
     * {@code 核心数据}).
     *
     * @throws IllegalArgumentException naming what is accepted
     */
    public static Grade parse(String text) {
        String t = text == null ? "" : text.strip();
        switch (t) {
            case "IMPORTANT", "重要数据":
                return IMPORTANT;
            case "CORE", "核心数据":
                return CORE;
            default:
                String digits = t.startsWith("一般数据") && t.endsWith("级") ? t.substring(4, t.length() - 1) : t;
                if (digits.length() == 1 && digits.charAt(0) >= '1' && digits.charAt(0) <= '4') {
                    return general(digits.charAt(0) - '0');
                }
                throw new IllegalArgumentException(
                        "a grade is 1, 2, 3 or 4 (一般数据), IMPORTANT (重要数据) or CORE (核心数据), not '" + t + "'");
        }
    }

    /** {@code 一般数据3级}, {@code 重要数据} or {@code 核心数据}. */
    public String label() {
        return dataClass == DataClass.GENERAL ? dataClass.label() + level + "级" : dataClass.label();
    }

    @Override
    public int compareTo(Grade other) {
        return ORDER.compare(this, other);
    }

    public Grade max(Grade other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public String toString() {
        return label();
    }
}
