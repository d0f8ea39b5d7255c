package city.tds.protocol;

/** Constants of the Dataspace Protocol version TDS speaks. */
public final class Dsp {

    /** The protocol version, as {@code /.well-known/dspace-version} names it. */
    public static final String VERSION = "2025-1";

    /** The path segment of this version's endpoints, under the node's DSP base path. */
    public static final String VERSION_PATH = "/2025-1";

    /** The IRI of the official JSON-LD context every message names in its {@code @context}. */
    public static final String CONTEXT = "https://w3id.org/dspace/2025/1/context.jsonld";

    /** The IRI of the ODRL profile context the official context imports for offers and agreements. */
    public static final String ODRL_PROFILE_CONTEXT = "https://w3id.org/dspace/2025/1/odrl-profile.jsonld";

    /** The DSP vocabulary namespace ({@code dspace:}). */
    public static final String NAMESPACE = "https://w3id.org/dspace/2025/1/";

    /** Where the official context and schemas are bundled in the jar. */
    static final String RESOURCES = "city/tds/protocol/dsp/";

    private Dsp() {}

    /** {@code url} without a trailing {@code /}, so that paths can be appended to a base URL as given. */
    public static String base(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
