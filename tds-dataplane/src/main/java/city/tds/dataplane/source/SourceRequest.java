package city.tds.dataplane.source;

/**
 * What a connector administrator asks to register: a name, a kind, and where the data is. For a table source, the
 * database user and password (sealed at rest, never shown again).
 */
public record SourceRequest(String name, String kind, String location, String table, String user, String password) {}
