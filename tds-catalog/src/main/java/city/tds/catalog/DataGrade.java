package city.tds.catalog;

/**
 * The security grade of a resource (数据分级), after GB/T 43697-2024: core, important and general data. Core data is
 * never listed.
 */
public enum DataGrade {
    /** 核心数据 */
    CORE("核心数据"),
    /** 重要数据 */
    IMPORTANT("重要数据"),
    /** 一般数据 */
    GENERAL("一般数据");

    private final String label;

    DataGrade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** {@code 一般数据3级} for general data with a level, else the grade's own label; {@code null} without a grade. */
    public static String label(DataGrade grade, Integer level) {
        if (grade == null) {
            return null;
        }
        return grade == GENERAL && level != null ? grade.label + level + "级" : grade.label;
    }

    /** Whether {@code grade} at {@code level} is below {@code other} at {@code otherLevel} (no level counts as 1). */
    public static boolean below(DataGrade grade, Integer level, DataGrade other, Integer otherLevel) {
        if (grade != other) {
            return grade.ordinal() > other.ordinal();
        }
        return grade == GENERAL && (level == null ? 1 : level) < (otherLevel == null ? 1 : otherLevel);
    }
}
