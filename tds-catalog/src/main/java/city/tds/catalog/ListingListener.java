package city.tds.catalog;

/** Told after commit when what consumers can find changes, so the search index stays current. */
public interface ListingListener {

    ListingListener NONE = new ListingListener() {
        @Override
        public void listed(String productId) {}

        @Override
        public void unlisted(String productId) {}
    };

    /** The product's listed version changed (newly listed, reinstated, or replaced by a new version). */
    void listed(String productId);

    /** The product is no longer listed (suspended or delisted). */
    void unlisted(String productId);
}
