package city.tds.catalog;

/** How a product is charged for. */
public enum PricingModel {
    /** 按次: an amount per call. */
    PER_CALL("按次计费"),
    /** 按量: an amount per record delivered. */
    PER_RECORD("按条计费"),
    /** 订阅: an amount per subscription period. */
    SUBSCRIPTION("订阅");

    private final String label;

    PricingModel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
