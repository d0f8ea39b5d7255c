package city.tds.catalog;

/** What a data product offers (产品类型). */
public enum ProductType {
    DATASET("数据集"),
    API("数据接口"),
    SANDBOX_SERVICE("数据沙箱服务"),
    PRIVACY_COMPUTING_SERVICE("隐私计算服务"),
    MODEL("数据模型");

    private final String label;

    ProductType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
