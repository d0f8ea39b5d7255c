package city.tds.catalog;

/** How the provider came to hold a data resource (数据来源). */
public enum SourceKind {
    /** 自行生产: produced by the provider's own operations. */
    SELF_PRODUCED("自行生产"),
    /** 公开获取: collected from public sources. */
    PUBLICLY_OBTAINED("公开获取"),
    /** 授权运营: public data the provider operates under a government authorisation. */
    AUTHORIZED_OPERATION("授权运营"),
    /** 交易取得: bought through a data transaction. */
    ACQUIRED_BY_TRADE("交易取得");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
