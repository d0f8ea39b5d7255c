package city.tds.policy;

import java.util.Optional;

/** The ODRL 2.2 constraint operators TDS understands. */
public enum Operator implements VocabularyTerm {
    EQ("eq"),
    NEQ("neq"),
    LT("lt"),
    LTEQ("lteq"),
    GT("gt"),
    GTEQ("gteq"),
    /** The left operand is one of the right operand's values. */
    IS_ANY_OF("isAnyOf"),
    /** The left operand is none of the right operand's values. */
    IS_NONE_OF("isNoneOf"),
    /** The left operand lies within (one of) the right operand's values, e.g. a district within a city. */
    IS_PART_OF("isPartOf");

    private final String localName;

    Operator(String localName) {
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

    /** Whether the right operand is a set of values (written as a JSON array); otherwise it is a single value. */
    public boolean takesSet() {
        return this == IS_ANY_OF || this == IS_NONE_OF || this == IS_PART_OF;
    }

    /** The operator named by its term ({@code odrl:eq}), IRI or bare name ({@code eq}). */
    public static Optional<Operator> fromTerm(String text) {
        return Terms.find(Operator.class, text);
    }
}
