package city.tds.policy;

import java.util.Optional;

/** ODRL's {@code conflict} property: what holds when a permission and a prohibition both apply. */
public enum ConflictStrategy implements VocabularyTerm {
    /** Permissions win ({@code perm}). */
    PERMIT("perm"),
    /** Prohibitions win ({@code prohibit}). */
    PROHIBIT("prohibit"),
    /** The policy is void where they conflict ({@code invalid}); ODRL's default when none is given. */
    INVALID("invalid");

    private final String localName;

    ConflictStrategy(String localName) {
        this.localName = localName;
    }

    @Override
    public String iri() {
        return Terms.iri(PolicyNamespaces.ODRL, localName);
    }

    @Override
    public String term() {
        return Terms.term(PolicyNamespaces.ODRL, localName);
    }

    /** The strategy named by its term ({@code odrl:prohibit}), IRI or bare name ({@code prohibit}). */
    public static Optional<ConflictStrategy> fromTerm(String text) {
        return Terms.find(ConflictStrategy.class, text);
    }
}
