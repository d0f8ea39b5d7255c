package city.tds.catalog.search;

/** Names of the catalog index's fields. Facet fields are named by {@link Facet#field()}. */
final class IndexFields {
    static final String ID = "id";
    static final String NAME = "name";
    /** Name, keywords, description, data field names and the provider's name: what words are matched in. */
    static final String ALL = "all";
    /** The same text as {@link #ALL}, as CJK bigrams. */
    static final String BIGRAMS = "bigrams";

    static final String REGISTRATION_CODE = "registration_code";
    static final String LISTED_AT = "listed_at";
    static final String VECTOR = "vector";

    private IndexFields() {}
}
