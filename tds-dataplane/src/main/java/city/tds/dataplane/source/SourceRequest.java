package city.tds.dataplane.source;

/**
 * What a connector administrator asks to register: a name, a kind, and where the data is. For a table source, the
 * database user and password (sealed at rest, never shown again). For an HTTP API source, {@code location} is the
 * API's base URL, {@code user} the name of the header that carries the provider's credential (e.g. {@code X-Api-Key},
 * {@code Authorization}) and {@code password} the header's value (sealed like a database password); both or neither.
 * {@code maskingProfile} (optional) is a masking profile in YAML for a source delivered as CSV: its data is masked
 * with it before a delivery whose agreement requires anonymisation.
 */
public record SourceRequest(
        String name, String kind, String location, String table, String user, String password, String maskingProfile) {

    /** A request without a masking profile. */
    public SourceRequest(String name, String kind, String location, String table, String user, String password) {
        this(name, kind, location, table, user, password, null);
    }
}
