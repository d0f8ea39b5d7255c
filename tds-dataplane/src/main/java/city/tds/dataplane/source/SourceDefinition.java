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
 */
public record SourceDefinition(
        String name,
        SourceKind kind,
        String location,
        String table,
        String user,
        boolean hasSecret,
        Instant registeredAt,
        String registeredBy) {

    public SourceDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(registeredBy, "registeredBy");
    }
}
