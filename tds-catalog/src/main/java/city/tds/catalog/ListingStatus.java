package city.tds.catalog;

/** Where a product version stands in the listing workflow (上架流程). */
public enum ListingStatus {
    /** 草稿: the provider is still writing it. */
    DRAFT("草稿"),
    /** 已提交: waiting for compliance review. */
    SUBMITTED("待审核"),
    /** 公示中: passed review; any participant may object until the notice ends. */
    IN_NOTICE("公示中"),
    /** 已上架: listed with a registration code, searchable. */
    LISTED("已上架"),
    /** 已暂停: taken out of search for now by the operator. */
    SUSPENDED("已暂停"),
    /** 已下架: delisted for good. */
    DELISTED("已下架"),
    /** 已驳回: refused in review or after an objection. */
    REJECTED("已驳回"),
    /** 已被新版本取代: a newer version of the product was listed. */
    SUPERSEDED("已被取代");

    private final String label;

    ListingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a version in this status is in the catalog that consumers search. */
    public boolean searchable() {
        return this == LISTED;
    }

    /** Whether the version's content may still be edited by its provider. */
    public boolean editable() {
        return this == DRAFT;
    }
}
