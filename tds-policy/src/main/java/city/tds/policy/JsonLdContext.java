package city.tds.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * What a policy's {@code @context} declares. TDS requires the ODRL context, allows the TDS context (as its IRI or as
 * {@code {"tds": "https://tds.city/ns/policy#"}}) and further prefix declarations, and refuses term definitions,
 * which could give ODRL's terms other meanings.
 */
final class JsonLdContext {

    private static final Map<String, String> FIXED_PREFIXES = Map.of(
            "odrl", PolicyNamespaces.ODRL,
            "tds", PolicyNamespaces.TDS,
            "xsd", PolicyNamespaces.XSD,
            "rdf", PolicyNamespaces.RDF);

    private final Map<String, String> prefixes = new HashMap<>();

    private JsonLdContext() {}

    static JsonLdContext read(Members.Member member, Findings findings) {
        JsonLdContext context = new JsonLdContext();
        if (member == null) {
            findings.invalid("", "@context", "a policy needs an @context naming " + PolicyNamespaces.ODRL_CONTEXT);
            return context;
        }
        boolean odrl = false;
        JsonNode value = member.value();
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                odrl |= context.readEntry(value.get(i), Findings.child(member.path(), i), findings);
            }
        } else {
            odrl = context.readEntry(value, member.path(), findings);
        }
        if (!odrl) {
            findings.invalid(member.path(), "@context", "the @context must include " + PolicyNamespaces.ODRL_CONTEXT);
        }
        return context;
    }

    /** Returns whether {@code entry} is the ODRL context. */
    private boolean readEntry(JsonNode entry, String path, Findings findings) {
        if (entry.isTextual()) {
            String iri = entry.asText();
            if (iri.equals(PolicyNamespaces.ODRL_CONTEXT) || iri.equals("https://www.w3.org/ns/odrl.jsonld")) {
                return true;
            }
            if (!iri.equals(PolicyNamespaces.TDS_CONTEXT)) {
                findings.outsideSubset(
                        path,
                        iri,
                        "unknown context; TDS reads policies in the ODRL context " + PolicyNamespaces.ODRL_CONTEXT
                                + ", optionally with the TDS context " + PolicyNamespaces.TDS_CONTEXT);
            }
            return false;
        }
        if (entry.isObject()) {
            readDefinitions(entry, path, findings);
            return false;
        }
        findings.invalid(path, "@context", "a context entry is an IRI or an object of prefix definitions");
        return false;
    }

    private void readDefinitions(JsonNode object, String path, Findings findings) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            String at = Findings.child(path, name);
            if (name.equals("@version") && value.isNumber() && value.asDouble() == 1.1) {
                continue;
            }
            if (name.startsWith("@")) {
                findings.outsideSubset(at, name, "context keywords other than @version are not supported");
            } else if (!value.isTextual() || !isPrefixIri(value.asText())) {
                findings.outsideSubset(
                        at,
                        name,
                        "term definitions are not supported: TDS reads terms as the ODRL and TDS contexts define"
                                + " them; a context object may only declare prefixes");
            } else if (FIXED_PREFIXES.containsKey(name)) {
                if (!FIXED_PREFIXES.get(name).equals(value.asText())) {
                    findings.outsideSubset(
                            at, name, "the " + name + " prefix must stand for " + FIXED_PREFIXES.get(name));
                }
            } else {
                prefixes.put(name, value.asText());
            }
        }
    }

    private static boolean isPrefixIri(String iri) {
        return iri.endsWith("/") || iri.endsWith("#") || iri.endsWith(":");
    }

    /** {@code term} with a prefix declared in the policy's own context replaced by its IRI; otherwise unchanged. */
    String expand(String term) {
        int colon = term.indexOf(':');
        if (colon > 0 && !term.startsWith("//", colon + 1)) {
            String iri = prefixes.get(term.substring(0, colon));
            if (iri != null) {
                return iri + term.substring(colon + 1);
            }
        }
        return term;
    }

    /** The XML Schema local name of {@code datatype} ({@code xsd:dateTime} → {@code dateTime}), or {@code null}. */
    String xsdLocalName(String datatype) {
        String expanded = expand(datatype);
        if (expanded.startsWith("xsd:")) {
            return expanded.substring("xsd:".length());
        }
        if (expanded.startsWith(PolicyNamespaces.XSD)) {
            return expanded.substring(PolicyNamespaces.XSD.length());
        }
        return null;
    }

    /** Whether {@code term} names the ODRL term {@code localName} (bare, prefixed or as an IRI). */
    boolean isOdrl(String term, String localName) {
        String expanded = expand(term);
        return expanded.equals(localName)
                || expanded.equals("odrl:" + localName)
                || expanded.equals(PolicyNamespaces.ODRL + localName);
    }
}
