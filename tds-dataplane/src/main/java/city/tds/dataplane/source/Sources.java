package city.tds.dataplane.source;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.dataplane.Sealing;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The sources a provider's connector holds: registered by its administrator, checked when registered (the file is
 * there and readable below the sources directory; the table or HTTP API answers with the given credentials), and
 * opened for transfers (files, tables) or calls (HTTP APIs). Passwords are sealed at rest and never returned.
 */
public final class Sources {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern TABLE =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");
    /**
     * JDBC URL settings that make a driver run code or SQL of the URL's choosing (H2's INIT scripts, PostgreSQL's
     * pluggable factories and log files); a source's URL may not use them.
     */
    private static final List<String> UNSAFE_URL_SETTINGS = List.of(
            "init=",
            "runscript",
            "create alias",
            "socketfactory",
            "sslfactory",
            "sslhostnameverifier",
            "sslpasswordcallback",
            "authenticationpluginclassname",
            "loggerfile",
            "loggerlevel");

    private static final int LOGIN_TIMEOUT_SECONDS = 5;
    /** The longest masking profile accepted, in characters. */
    public static final int MAX_PROFILE_CHARS = 65_536;

    private final SourceStore store;
    private final Sealing sealing;
    private final Path root;
    private final Clock clock;
    private final HttpApiCheck apis;
    private final DeliveryMasking masking;

    /** {@code root} is the directory file sources must lie below; no source may have a masking profile. */
    public Sources(SourceStore store, Sealing sealing, Path root, Clock clock) {
        this(store, sealing, root, clock, DeliveryMasking.NONE);
    }

    /** As above; {@code masking} checks a source's masking profile against its data's header when it is registered. */
    public Sources(SourceStore store, Sealing sealing, Path root, Clock clock, DeliveryMasking masking) {
        this(
                store,
                sealing,
                root,
                clock,
                HttpClient.newBuilder()
                        .connectTimeout(HttpApiCheck.TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                masking);
    }

    /** As above; {@code http} checks HTTP API sources when they are registered. */
    public Sources(SourceStore store, Sealing sealing, Path root, Clock clock, HttpClient http) {
        this(store, sealing, root, clock, http, DeliveryMasking.NONE);
    }

    /** As above, with both. */
    public Sources(
            SourceStore store, Sealing sealing, Path root, Clock clock, HttpClient http, DeliveryMasking masking) {
        this.store = store;
        this.sealing = sealing;
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
        this.apis = new HttpApiCheck(http);
        this.masking = masking;
    }

    public Path root() {
        return root;
    }

    public Result<SourceDefinition> register(SourceRequest request, String by) {
        if (request.name() == null || !NAME.matcher(request.name()).matches()) {
            return invalid(
                    "source-name-invalid",
                    "a source name is 1 to 100 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit; got "
                            + request.name());
        }
        SourceKind kind;
        try {
            kind = SourceKind.valueOf(String.valueOf(request.kind()));
        } catch (IllegalArgumentException e) {
            return invalid(
                    "source-kind-unknown",
                    "kind must be one of " + List.of(SourceKind.values()) + "; got " + request.kind());
        }
        Result<SourceDefinition> checked = kind.isFile()
                ? file(request, kind, by)
                : kind == SourceKind.HTTP_API ? apis.check(request, clock.instant(), by) : table(request, by);
        if (!checked.isOk()) {
            return checked;
        }
        if (request.maskingProfile() != null) {
            checked = withProfile(checked.value(), request.maskingProfile(), request.password());
            if (!checked.isOk()) {
                return checked;
            }
        }
        byte[] sealed = request.password() == null || !checked.value().hasSecret()
                ? null
                : sealing.seal(request.password().getBytes(StandardCharsets.UTF_8), "source:" + request.name());
        if (!store.insert(checked.value(), sealed)) {
            return Result.fail(Problem.conflict("source-exists", "a source named " + request.name() + " exists"));
        }
        return checked;
    }

    public List<SourceDefinition> list() {
        return store.list();
    }

    public Optional<SourceDefinition> find(String name) {
        return store.find(name).map(SourceStore.Stored::definition);
    }

    public boolean remove(String name) {
        return store.delete(name);
    }

    /**
     * Opens source {@code name}'s data at byte {@code offset}. A CSV or JSON Lines file is read from there; a table or
     * a Parquet file is exported again as CSV and the bytes before the offset skipped.
     */
    public Result<SourceStream> open(String name, long offset) {
        Optional<SourceStore.Stored> stored = store.find(name);
        if (stored.isEmpty()) {
            return Result.fail(Problem.notFound("source-unknown", "this connector holds no source " + name));
        }
        SourceDefinition d = stored.get().definition();
        if (d.kind() == SourceKind.HTTP_API) {
            return Result.fail(Problem.conflict(
                    "source-not-streamable", "source " + name + " is an HTTP API: it is called, not streamed"));
        }
        try {
            return open(d, password(stored.get()), offset);
        } catch (SQLException e) {
            return unavailable(d, e.getMessage());
        }
    }

    /**
     * Source {@code name}'s data as CSV for looking at what it holds (a governance scan), not for a transfer: a table's
     * rows in the order the database reads them (no sort of the whole table) and at most {@code maxRows} of them, the
     * database stopping there; a file from its start.
     */
    public Result<SourceStream> sample(String name, int maxRows) {
        Optional<SourceStore.Stored> stored = store.find(name);
        if (stored.isEmpty()) {
            return Result.fail(Problem.notFound("source-unknown", "this connector holds no source " + name));
        }
        SourceDefinition d = stored.get().definition();
        if (d.kind() != SourceKind.JDBC_TABLE) {
            return open(name, 0);
        }
        try {
            return Result.ok(new SourceStream(
                    new JdbcCsvStream(connect(d, password(stored.get())), c -> {
                        c.setReadOnly(true);
                        c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
                        var statement = c.prepareStatement("SELECT * FROM " + d.table());
                        statement.setMaxRows(maxRows);
                        return statement;
                    }),
                    d.kind()));
        } catch (SQLException e) {
            return unavailable(d, e.getMessage());
        }
    }

    /** A table's header as CSV, and no rows: what a masking profile is checked against. */
    private Result<SourceStream> header(SourceDefinition d, String password) {
        if (d.kind() != SourceKind.JDBC_TABLE) {
            return open(d, password, 0);
        }
        try {
            return Result.ok(new SourceStream(
                    new JdbcCsvStream(
                            connect(d, password),
                            c -> c.prepareStatement("SELECT * FROM " + d.table() + " WHERE 1 = 0")),
                    d.kind()));
        } catch (SQLException e) {
            return unavailable(d, e.getMessage());
        }
    }

    /**
     * A source's masking profile is checked against the header of its CSV data (only the header is read) before the
     * source is stored: the profile parses, and every column it names is in the header.
     */
    private Result<SourceDefinition> withProfile(SourceDefinition d, String profile, String password) {
        if (!d.kind().csv()) {
            return invalid(
                    "source-not-maskable",
                    "a masking profile applies to a source delivered as CSV; " + d.name() + " is a " + d.kind());
        }
        if (profile.isBlank() || profile.length() > MAX_PROFILE_CHARS) {
            return invalid(
                    "invalid-masking-profile",
                    "maskingProfile is a masking profile in YAML of 1 to " + MAX_PROFILE_CHARS + " characters");
        }
        Result<SourceStream> data = header(d, password);
        if (!data.isOk()) {
            return Result.fail(data.problem());
        }
        try (SourceStream csv = data.value()) {
            Result<List<String>> columns = masking.check(profile, d.name(), csv.data());
            return columns.isOk() ? Result.ok(d.withMaskingProfile(profile)) : Result.fail(columns.problem());
        } catch (IOException e) {
            return unavailable(d, e.getMessage());
        }
    }

    private Result<SourceStream> open(SourceDefinition d, String password, long offset) {
        try {
            if (d.kind() == SourceKind.PARQUET_FILE) {
                InputStream csv = ParquetFiles.csv(root.resolve(d.location()));
                csv.skipNBytes(offset);
                return Result.ok(new SourceStream(csv, d.kind()));
            }
            if (d.kind().isFile()) {
                SeekableByteChannel channel = Files.newByteChannel(root.resolve(d.location()));
                channel.position(offset);
                return Result.ok(new SourceStream(Channels.newInputStream(channel), d.kind()));
            }
            InputStream csv = new JdbcCsvStream(connect(d, password), d.table());
            csv.skipNBytes(offset);
            return Result.ok(new SourceStream(csv, d.kind()));
        } catch (IOException e) {
            return unavailable(d, e.getMessage());
        } catch (SQLException e) {
            return unavailable(d, e.getMessage());
        }
    }

    /** Where HTTP API source {@code name} answers, with the provider's credential opened. */
    public Result<ApiEndpoint> api(String name) {
        Optional<SourceStore.Stored> stored = store.find(name);
        if (stored.isEmpty()) {
            return Result.fail(Problem.notFound("source-unknown", "this connector holds no source " + name));
        }
        SourceDefinition d = stored.get().definition();
        if (d.kind() != SourceKind.HTTP_API) {
            return Result.fail(Problem.conflict("no-source", "source " + name + " is a " + d.kind() + ", not an API"));
        }
        try {
            return Result.ok(new ApiEndpoint(URI.create(d.location()), d.user(), password(stored.get())));
        } catch (SQLException e) {
            return unavailable(d, e.getMessage());
        }
    }

    private Result<SourceDefinition> file(SourceRequest request, SourceKind kind, String by) {
        if (request.location() == null || request.location().isBlank()) {
            return invalid("source-location-missing", "a file source needs location: a path below " + root);
        }
        Path file;
        try {
            file = root.resolve(request.location()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return invalid("source-location-invalid", "not a path: " + request.location());
        }
        if (!file.startsWith(root) || file.equals(root)) {
            return invalid(
                    "source-outside-root",
                    "a file source must lie below the sources directory " + root + "; " + request.location()
                            + " does not");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return invalid("source-file-missing", "no readable file " + root.relativize(file) + " below " + root);
        }
        try {
            if (!file.toRealPath().startsWith(root.toRealPath())) {
                return invalid(
                        "source-outside-root", request.location() + " links to a file outside the sources directory");
            }
        } catch (IOException e) {
            return invalid("source-file-missing", "cannot resolve " + request.location() + ": " + e.getMessage());
        }
        if (kind == SourceKind.PARQUET_FILE) {
            String unreadable = ParquetFiles.problem(file);
            if (unreadable != null) {
                return invalid(
                        "source-parquet-invalid",
                        root.relativize(file) + " is not a Parquet file that can be read: " + unreadable);
            }
        }
        return Result.ok(new SourceDefinition(
                request.name(), kind, root.relativize(file).toString(), null, null, false, clock.instant(), by));
    }

    private Result<SourceDefinition> table(SourceRequest request, String by) {
        String url = request.location();
        if (url == null || !(url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql:"))) {
            return invalid(
                    "source-jdbc-unsupported",
                    "a table source's location is a jdbc:postgresql: or jdbc:h2: URL; got " + url);
        }
        String lower = url.toLowerCase(Locale.ROOT);
        for (String unsafe : UNSAFE_URL_SETTINGS) {
            if (lower.contains(unsafe)) {
                return invalid("source-jdbc-unsafe", "a source's JDBC URL may not use '" + unsafe + "' (it runs code)");
            }
        }
        if (request.table() == null || !TABLE.matcher(request.table()).matches()) {
            return invalid(
                    "source-table-invalid",
                    "table must be a table or view name, optionally schema-qualified; got " + request.table());
        }
        SourceDefinition d = new SourceDefinition(
                request.name(),
                SourceKind.JDBC_TABLE,
                url,
                request.table(),
                request.user(),
                request.password() != null,
                clock.instant(),
                by);
        try (Connection c = connect(d, request.password());
                var probe = c.prepareStatement("SELECT * FROM " + request.table() + " WHERE 1 = 0")) {
            probe.executeQuery().close();
        } catch (SQLException e) {
            return invalid(
                    "source-unreachable",
                    "the table " + request.table() + " cannot be read with these settings: " + e.getMessage());
        }
        return Result.ok(d);
    }

    private String password(SourceStore.Stored stored) throws SQLException {
        if (stored.sealedSecret() == null) {
            return null;
        }
        return sealing.open(
                        stored.sealedSecret(), "source:" + stored.definition().name())
                .map(b -> new String(b, StandardCharsets.UTF_8))
                .orElseThrow(() -> new SQLException("the source's sealed password does not open with this node's key"));
    }

    private static Connection connect(SourceDefinition d, String password) throws SQLException {
        Properties properties = new Properties();
        if (d.user() != null) {
            properties.setProperty("user", d.user());
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        return DriverManager.getConnection(d.location(), properties);
    }

    private static <T> Result<T> unavailable(SourceDefinition d, String detail) {
        return Result.fail(new Problem(
                ProblemKind.UNAVAILABLE, "source-unavailable", "source " + d.name() + " cannot be read: " + detail));
    }

    private static <T> Result<T> invalid(String code, String detail) {
        return Result.fail(Problem.invalidInput(code, detail));
    }
}
