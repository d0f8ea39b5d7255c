package city.tds.policy;

import java.util.Optional;

/**
 * How a {@link LogicalConstraint} combines its operands. ODRL's {@code xone} and {@code andSequence} are not
 * supported: TDS evaluates constraints independently and without ordering.
 */
public enum LogicalOperator implements VocabularyTerm {
    /** Every operand holds. */
    AND("and"),
    /** At least one operand holds. */
    OR("or");

    private final String localName;

    LogicalOperator(String localName) {
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

    /** The operator named by its term ({@code odrl:and}), IRI or bare name ({@code and}). */
    public static Optional<LogicalOperator> fromTerm(String text) {
        return Terms.find(LogicalOperator.class, text);
    }
}
