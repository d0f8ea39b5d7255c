package city.tds.policy;

import java.util.Optional;

/** The ODRL policy subclasses TDS uses. */
public enum PolicyType implements VocabularyTerm {
    /** A policy not (yet) between two parties, e.g. a provider's standing rules. ODRL's default. */
    SET("Set"),
    /** What a provider offers for a product; has an assigner once published. */
    OFFER("Offer"),
    /** What provider and consumer agreed; has a uid, an assigner and an assignee. */
    AGREEMENT("Agreement");

    private final String localName;

    PolicyType(String localName) {
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

    /** The type named by its term ({@code odrl:Offer}), IRI or bare name ({@code Offer}). */
    public static Optional<PolicyType> fromTerm(String text) {
        return Terms.find(PolicyType.class, text);
    }
}
