package city.tds.catalog.search;

import java.util.Locale;
import java.util.Optional;

/** A dimension the catalog can be filtered (drilled down) and counted by. */
public enum Facet {
    ZONE("zone", "zone"),
    INDUSTRY("industry", "industry"),
    PROVIDER("provider", "provider"),
    PRODUCT_TYPE("product_type", "productType"),
    GRADE("grade", "grade"),
    DELIVERY_MODE("delivery_mode", "deliveryMode");

    private final String field;
    private final String param;

    Facet(String field, String param) {
        this.field = field;
        this.param = param;
    }

    /** The index field (and facet dimension) holding this facet's values. */
    public String field() {
        return field;
    }

    /** The name of this facet in request parameters, e.g. {@code productType}. */
    public String param() {
        return param;
    }

    /** The facet whose {@link #param()} is {@code param} (case-insensitive), if any. */
    public static Optional<Facet> fromParam(String param) {
        if (param == null) {
            return Optional.empty();
        }
        String wanted = param.toLowerCase(Locale.ROOT);
        for (Facet facet : values()) {
            if (facet.param.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(facet);
            }
        }
        return Optional.empty();
    }
}
