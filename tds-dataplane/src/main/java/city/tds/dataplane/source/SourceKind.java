package city.tds.dataplane.source;

/** What a source is, and the media type its data is delivered in. */
public enum SourceKind {
    /** A CSV file (RFC 4180, UTF-8, a header line) below the connector's sources directory. */
    CSV_FILE("text/csv", true),
    /** A JSON Lines file (one JSON value per line, UTF-8) below the connector's sources directory. */
    JSON_LINES_FILE("application/x-ndjson", false),
    /**
     * A Parquet file below the connector's sources directory, delivered as CSV with a header line: its rows in the
     * file's order, read by an in-process engine (DuckDB) as the data is sent.
     */
    PARQUET_FILE("text/csv", true),
    /** A table or view reached over JDBC (H2 or PostgreSQL), delivered as CSV with a header line. */
    JDBC_TABLE("text/csv", true),
    /**
     * An HTTP API of the provider's own (http or https), called through the connector call by call; its answers keep
     * the media type the API gives them.
     */
    HTTP_API("application/octet-stream", false);

    private final String mediaType;
    private final boolean headerLine;

    SourceKind(String mediaType, boolean headerLine) {
        this.mediaType = mediaType;
        this.headerLine = headerLine;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Whether the delivered data starts with a header line that is not a record. */
    public boolean headerLine() {
        return headerLine;
    }

    /** Whether the source is a file below the connector's sources directory. */
    public boolean isFile() {
        return this == CSV_FILE || this == JSON_LINES_FILE || this == PARQUET_FILE;
    }

    /** Whether its data is delivered as CSV (records are lines outside quoted fields). */
    public boolean csv() {
        return "text/csv".equals(mediaType);
    }
}
