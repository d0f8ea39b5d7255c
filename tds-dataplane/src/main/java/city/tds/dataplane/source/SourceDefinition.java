package city.tds.dataplane.source;

import java.time.Instant;
import java.util.Objects;

/**
 * A source as its connector holds it, without its secret.
 *
 * @param name the name the catalog's resources use for it (with the connector's client id)
 * @param location for a file, its path relative to the sources directory; for a table, the JDBC URL; for an HTTP
 *     API, its base URL
 * @param table the table or view of a {@link SourceKind#JDBC_TABLE} source, else null
 * @param user the database user of a table source, the credential's header name of an HTTP API source, else null
 * @param hasSecret whether a password (an HTTP API's header value) is sealed with it
 * @param maskingProfile the masking profile (YAML) its CSV data is masked with before a delivery whose agreement
 *     requires anonymisation, or null for none
 */
public record SourceDefinition(
        String name,
        SourceKind kind,
        String location,
        String table,
        String user,
        boolean hasSecret,
        Instant registeredAt,
        String registeredBy,
        String maskingProfile) {

    /** A source without a masking profile. */
    public SourceDefinition(
            String name,
            SourceKind kind,
            String location,
            String table,
            String user,
            boolean hasSecret,
            Instant registeredAt,
            String registeredBy) {
        this(name, kind, location, table, user, hasSecret, registeredAt, registeredBy, null);
    }

    public SourceDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(registeredBy, "registeredBy");
    }

    /** This source with {@code profile} as its masking profile. */
    public SourceDefinition withMaskingProfile(String profile) {
        return new SourceDefinition(name, kind, location, table, user, hasSecret, registeredAt, registeredBy, profile);
    }
}
