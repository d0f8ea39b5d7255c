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
}
