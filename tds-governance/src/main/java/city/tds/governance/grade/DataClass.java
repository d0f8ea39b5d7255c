package city.tds.governance.grade;

/** The three classes of data in GB/T 43697-2024, from the least to the most protected. */
public enum DataClass {
    /** 一般数据, graded further from 1 to 4. */
    GENERAL("一般数据"),
    /** 重要数据: identified by the sector's catalogue; a rule only proposes it for review. */
    IMPORTANT("重要数据"),
    /** 核心数据: never listed in the space. */
    CORE("核心数据");

    private final String label;

    DataClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
