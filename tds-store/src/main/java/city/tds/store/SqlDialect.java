package city.tds.store;

/** The databases TDS runs on. SQL is shared; H2 runs in its PostgreSQL compatibility mode. */
public enum SqlDialect {
    H2,
    POSTGRESQL;

    public static SqlDialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "unsupported database URL (expected jdbc:h2:... or jdbc:postgresql:...): " + jdbcUrl);
    }
}
