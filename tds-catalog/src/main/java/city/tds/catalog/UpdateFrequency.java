package city.tds.catalog;

/** How often a resource's data changes (更新频率). */
public enum UpdateFrequency {
    REAL_TIME("实时"),
    HOURLY("每小时"),
    DAILY("每日"),
    WEEKLY("每周"),
    MONTHLY("每月"),
    QUARTERLY("每季度"),
    YEARLY("每年"),
    ONCE("一次性");

    private final String label;

    UpdateFrequency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
