package city.tds.policy;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Looks up vocabulary enums by IRI, prefixed term or bare local name. */
final class Terms {

    private Terms() {}

    static <E extends Enum<E> & VocabularyTerm> Optional<E> find(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String given = text.trim();
        for (E constant : type.getEnumConstants()) {
            if (given.equals(constant.iri()) || given.equals(constant.term()) || given.equals(constant.localName())) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    static String iri(String namespace, String localName) {
        return namespace + localName;
    }

    static String term(String namespace, String localName) {
        return (PolicyNamespaces.TDS.equals(namespace) ? "tds:" : "odrl:") + localName;
    }

    static <E extends Enum<E> & VocabularyTerm> String localNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(VocabularyTerm::localName)
                .collect(Collectors.joining(", "));
    }
}
