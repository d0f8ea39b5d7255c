package city.tds.policy;

/**
 * A term of the ODRL or TDS vocabulary: an IRI with a prefixed (compact) spelling such as {@code odrl:use} or
 * {@code tds:sandbox}.
 */
public interface VocabularyTerm {

    /** The full IRI, e.g. {@code http://www.w3.org/ns/odrl/2/use}. */
    String iri();

    /** The prefixed spelling, e.g. {@code odrl:use}. */
    String term();

    /** The name without its prefix, e.g. {@code use}. */
    default String localName() {
        String term = term();
        return term.substring(term.indexOf(':') + 1);
    }
}
