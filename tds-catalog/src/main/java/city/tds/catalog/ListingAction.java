package city.tds.catalog;

import static city.tds.catalog.ListingStatus.DELISTED;
import static city.tds.catalog.ListingStatus.DRAFT;
import static city.tds.catalog.ListingStatus.IN_NOTICE;
import static city.tds.catalog.ListingStatus.LISTED;
import static city.tds.catalog.ListingStatus.REJECTED;
import static city.tds.catalog.ListingStatus.SUBMITTED;
import static city.tds.catalog.ListingStatus.SUPERSEDED;
import static city.tds.catalog.ListingStatus.SUSPENDED;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The steps of the listing workflow, each from some statuses to one. The workflow allows nothing else, and a refused
 * step names the ones allowed.
 */
public enum ListingAction {
    SUBMIT("submit", "product.submitted", EnumSet.of(DRAFT), SUBMITTED),
    WITHDRAW("withdraw", "product.withdrawn", EnumSet.of(SUBMITTED), DRAFT),
    APPROVE("approve", "product.approved", EnumSet.of(SUBMITTED), IN_NOTICE),
    RETURN("return", "product.returned", EnumSet.of(SUBMITTED), DRAFT),
    REJECT("reject", "product.rejected", EnumSet.of(SUBMITTED), REJECTED),
    CONCLUDE_NOTICE("conclude-notice", "product.listed", EnumSet.of(IN_NOTICE), LISTED),
    UPHOLD_OBJECTION("uphold-objection", "product.rejected-on-objection", EnumSet.of(IN_NOTICE), REJECTED),
    SUSPEND("suspend", "product.suspended", EnumSet.of(LISTED), SUSPENDED),
    REINSTATE("reinstate", "product.reinstated", EnumSet.of(SUSPENDED), LISTED),
    DELIST("delist", "product.delisted", EnumSet.of(LISTED, SUSPENDED), DELISTED),
    SUPERSEDE("supersede", "product.superseded", EnumSet.of(LISTED, SUSPENDED), SUPERSEDED);

    private final String slug;
    private final String evidenceType;
    private final Set<ListingStatus> from;
    private final ListingStatus to;

    ListingAction(String slug, String evidenceType, Set<ListingStatus> from, ListingStatus to) {
        this.slug = slug;
        this.evidenceType = evidenceType;
        this.from = from;
        this.to = to;
    }

    public String slug() {
        return slug;
    }

    /** The type of the evidence record the step leaves. */
    public String evidenceType() {
        return evidenceType;
    }

    public ListingStatus to() {
        return to;
    }

    public boolean allowedFrom(ListingStatus status) {
        return from.contains(status);
    }

    /** The actions the workflow allows from {@code status}, in workflow order. */
    public static List<ListingAction> allowedFromStatus(ListingStatus status) {
        return Arrays.stream(values()).filter(a -> a.allowedFrom(status)).toList();
    }
}
