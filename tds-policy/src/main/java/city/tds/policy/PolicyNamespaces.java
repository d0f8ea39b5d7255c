package city.tds.policy;

/** The namespaces, JSON-LD contexts and profile that TDS usage policies are written in. */
public final class PolicyNamespaces {

    /** The ODRL 2.2 vocabulary namespace, the {@code odrl:} prefix. */
    public static final String ODRL = "http://www.w3.org/ns/odrl/2/";

    /** The TDS policy vocabulary namespace, the {@code tds:} prefix. */
    public static final String TDS = "https://tds.city/ns/policy#";

    /** XML Schema datatypes, the {@code xsd:} prefix. */
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    /** RDF, the {@code rdf:} prefix ({@code rdf:value} in action objects). */
    public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /** The ODRL 2.2 JSON-LD context every TDS policy names. */
    public static final String ODRL_CONTEXT = "http://www.w3.org/ns/odrl.jsonld";

    /** The TDS policy context; naming it (or mapping {@code tds} to {@link #TDS}) declares the {@code tds:} prefix. */
    public static final String TDS_CONTEXT = "https://tds.city/ns/policy";

    /** The ODRL profile that defines TDS's extensions; the only profile a TDS policy may declare. */
    public static final String TDS_PROFILE = "https://tds.city/ns/policy/profile";

    private PolicyNamespaces() {}
}
