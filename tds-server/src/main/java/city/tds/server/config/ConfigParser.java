package city.tds.server.config;

import city.tds.core.node.NodeRole;
import city.tds.crypto.SuiteId;
import city.tds.evidence.log.EvidenceSettings;
import city.tds.store.DatabaseSettings;
import city.tds.store.SqlDialect;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns raw values into a validated {@link TdsConfig}, naming the key, source and expectation of every bad value. */
public final class ConfigParser {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|b|k|kb|kib|m|mb|mib)", Pattern.CASE_INSENSITIVE);

    private final ConfigSources sources;

    public ConfigParser(ConfigSources sources) {
        this.sources = sources;
    }

    public TdsConfig parse() {
        String name = text(ConfigKey.NODE_NAME).orElse("tds-node");
        if (!NAME.matcher(name).matches()) {
            throw invalid(
                    ConfigKey.NODE_NAME,
                    "lower-case letters, digits and '-', starting with a letter or digit, " + "at most 63 characters");
        }
        Set<NodeRole> roles = roles();
        Path dataDir = path(ConfigKey.NODE_DATA_DIR).orElse(Path.of("data"));
        SuiteId suite = text(ConfigKey.NODE_CRYPTO_SUITE)
                .map(t -> SuiteId.parse(t).orElseThrow(() -> invalid(ConfigKey.NODE_CRYPTO_SUITE, "GM or INTL")))
                .orElse(SuiteId.GM);

        String host = text(ConfigKey.HTTP_HOST).orElse("127.0.0.1");
        if (host.isBlank()) {
            throw invalid(ConfigKey.HTTP_HOST, "a host name or IP address");
        }
        int port = integer(ConfigKey.HTTP_PORT, 0, 65_535).orElse(8080);
        long maxRequestBytes = size(ConfigKey.HTTP_MAX_REQUEST_BYTES).orElse(1024L * 1024);
        URI publicUrl = publicUrl(host, port);

        DatabaseSettings database = database(dataDir);
        Path keyFile = path(ConfigKey.KEYS_FILE).orElse(dataDir.resolve("keys").resolve("node-signing.key"));
        EvidenceSettings defaults = EvidenceSettings.DEFAULT;
        EvidenceSettings evidence = new EvidenceSettings(
                defaults.batchSize(),
                duration(ConfigKey.EVIDENCE_POLL_INTERVAL)
                        .filter(d -> positive(ConfigKey.EVIDENCE_POLL_INTERVAL, d))
                        .orElse(defaults.pollInterval()),
                duration(ConfigKey.EVIDENCE_SIGN_INTERVAL)
                        .filter(d -> positive(ConfigKey.EVIDENCE_SIGN_INTERVAL, d))
                        .orElse(defaults.signInterval()),
                defaults.cachedTiles());
        return new TdsConfig(
                new TdsConfig.NodeSettings(name, roles, dataDir, suite, publicUrl),
                new TdsConfig.HttpSettings(host, port, maxRequestBytes),
                database,
                new TdsConfig.KeySettings(keyFile, passphrase()),
                evidence,
                new TdsConfig.IdentityConfig(
                        duration(ConfigKey.IDENTITY_ACCESS_TOKEN_LIFETIME)
                                .filter(d -> positive(ConfigKey.IDENTITY_ACCESS_TOKEN_LIFETIME, d))
                                .orElse(Duration.ofMinutes(15)),
                        integer(ConfigKey.IDENTITY_MAX_LOGIN_FAILURES, 1, 100).orElse(5),
                        duration(ConfigKey.IDENTITY_LOCKOUT).orElse(Duration.ofMinutes(15)),
                        duration(ConfigKey.IDENTITY_STATUS_REFRESH)
                                .filter(d -> positive(ConfigKey.IDENTITY_STATUS_REFRESH, d))
                                .orElse(Duration.ofSeconds(30))),
                catalog(),
                connector(),
                new TdsConfig.DataPlaneConfig(duration(ConfigKey.DATAPLANE_MONITOR_INTERVAL)
                        .filter(d -> positive(ConfigKey.DATAPLANE_MONITOR_INTERVAL, d))
                        .orElse(Duration.ofSeconds(30))),
                governance());
    }

    private TdsConfig.GovernanceConfig governance() {
        Optional<Path> file = path(ConfigKey.GOVERNANCE_GRADING_RULES);
        if (file.isEmpty()) {
            return new TdsConfig.GovernanceConfig(city.tds.governance.grade.GradingRules.standard());
        }
        String yaml;
        try {
            yaml = java.nio.file.Files.readString(file.get());
        } catch (java.io.IOException e) {
            throw invalid(ConfigKey.GOVERNANCE_GRADING_RULES, "a readable YAML file; " + file.get() + ": " + e);
        }
        var rules = city.tds.governance.grade.GradingRules.parse(yaml);
        if (!rules.isOk()) {
            throw invalid(
                    ConfigKey.GOVERNANCE_GRADING_RULES,
                    "a valid rule set; " + rules.problem().detail());
        }
        return new TdsConfig.GovernanceConfig(rules.value());
    }

    private TdsConfig.ConnectorConfig connector() {
        Optional<URI> space = text(ConfigKey.CONNECTOR_SPACE_URL)
                .filter(t -> !t.isBlank())
                .map(t -> {
                    try {
                        URI uri = new URI(t);
                        if (uri.getScheme() == null || uri.getHost() == null) {
                            throw new URISyntaxException(t, "not an absolute http(s) URL");
                        }
                        return uri;
                    } catch (URISyntaxException e) {
                        throw invalid(ConfigKey.CONNECTOR_SPACE_URL, "an absolute URL such as https://space.example");
                    }
                });
        Optional<String> participant = text(ConfigKey.CONNECTOR_PARTICIPANT_ID).filter(t -> !t.isBlank());
        Optional<String> client = text(ConfigKey.CONNECTOR_CLIENT_ID).filter(t -> !t.isBlank());
        boolean any = space.isPresent() || participant.isPresent() || client.isPresent();
        boolean all = space.isPresent() && participant.isPresent() && client.isPresent();
        if (any && !all) {
            throw invalid(
                    space.isEmpty()
                            ? ConfigKey.CONNECTOR_SPACE_URL
                            : participant.isEmpty()
                                    ? ConfigKey.CONNECTOR_PARTICIPANT_ID
                                    : ConfigKey.CONNECTOR_CLIENT_ID,
                    "connector.space-url, connector.participant-id and connector.client-id are given together");
        }
        return new TdsConfig.ConnectorConfig(space, participant, client);
    }

    private TdsConfig.CatalogConfig catalog() {
        String spaceCode = text(ConfigKey.CATALOG_SPACE_CODE).orElse("TDS");
        if (!city.tds.catalog.RegistrationCode.validSpaceCode(spaceCode)) {
            throw invalid(
                    ConfigKey.CATALOG_SPACE_CODE,
                    "2-8 upper-case letters or digits, optionally with up to two more '-' parts, e.g. SH-TDS");
        }
        Duration notice = duration(ConfigKey.CATALOG_NOTICE_PERIOD).orElse(Duration.ofDays(7));
        if (notice.isNegative()) {
            throw invalid(ConfigKey.CATALOG_NOTICE_PERIOD, "a duration of zero or more, such as 7d");
        }
        return new TdsConfig.CatalogConfig(
                spaceCode,
                notice,
                duration(ConfigKey.CATALOG_NOTICE_CHECK_INTERVAL)
                        .filter(d -> positive(ConfigKey.CATALOG_NOTICE_CHECK_INTERVAL, d))
                        .orElse(Duration.ofMinutes(1)));
    }

    private Set<NodeRole> roles() {
        Optional<ConfigValue> value = sources.get(ConfigKey.NODE_ROLES);
        if (value.isEmpty()) {
            return EnumSet.allOf(NodeRole.class);
        }
        Set<NodeRole> roles = EnumSet.noneOf(NodeRole.class);
        for (String item : items(value.get())) {
            try {
                roles.add(NodeRole.valueOf(item.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw invalid(ConfigKey.NODE_ROLES, "space, connector, or both");
            }
        }
        if (roles.isEmpty()) {
            throw invalid(ConfigKey.NODE_ROLES, "space, connector, or both");
        }
        return roles;
    }

    private URI publicUrl(String host, int port) {
        Optional<String> text = text(ConfigKey.NODE_PUBLIC_URL);
        if (text.isEmpty()) {
            String reachable = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
            return URI.create("http://" + reachable + ":" + port);
        }
        try {
            URI uri = new URI(text.get());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw invalid(ConfigKey.NODE_PUBLIC_URL, "an http:// or https:// URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(ConfigKey.NODE_PUBLIC_URL, "an http:// or https:// URL");
        }
    }

    private DatabaseSettings database(Path dataDir) {
        int pool = integer(ConfigKey.DATABASE_MAX_POOL_SIZE, 1, 500).orElse(8);
        Duration timeout = duration(ConfigKey.DATABASE_CONNECT_TIMEOUT).orElse(Duration.ofSeconds(5));
        String url = text(ConfigKey.DATABASE_URL).orElse(DatabaseSettings.embeddedUrl(dataDir));
        try {
            SqlDialect.of(url);
        } catch (IllegalArgumentException e) {
            throw invalid(ConfigKey.DATABASE_URL, "a jdbc:h2:... or jdbc:postgresql:... URL");
        }
        return new DatabaseSettings(
                url,
                text(ConfigKey.DATABASE_USER).orElse(""),
                text(ConfigKey.DATABASE_PASSWORD).orElse(""),
                pool,
                timeout);
    }

    private char[] passphrase() {
        Optional<String> direct = text(ConfigKey.KEYS_PASSPHRASE);
        if (direct.isPresent()) {
            return direct.get().toCharArray();
        }
        Optional<Path> file = path(ConfigKey.KEYS_PASSPHRASE_FILE);
        if (file.isPresent()) {
            try {
                String first = Files.readString(file.get()).lines().findFirst().orElse("");
                if (first.isEmpty()) {
                    throw invalid(ConfigKey.KEYS_PASSPHRASE_FILE, "a file whose first line is the passphrase");
                }
                return first.toCharArray();
            } catch (IOException e) {
                throw invalid(
                        ConfigKey.KEYS_PASSPHRASE_FILE,
                        "a readable file (" + e.getClass().getSimpleName() + ")");
            }
        }
        throw new ConfigException("缺少密钥口令 / no key passphrase: set " + ConfigKey.KEYS_PASSPHRASE.envName() + ", "
                + ConfigKey.KEYS_PASSPHRASE_FILE.key() + " or " + ConfigKey.KEYS_PASSPHRASE.key());
    }

    private Optional<String> text(ConfigKey key) {
        return sources.get(key).map(v -> {
            if (v.items().size() != 1) {
                throw invalid(key, "a single value, not a list");
            }
            return v.items().get(0).trim();
        });
    }

    private Optional<Integer> integer(ConfigKey key, int min, int max) {
        return text(key).map(t -> {
            try {
                int n = Integer.parseInt(t);
                if (n < min || n > max) {
                    throw invalid(key, "an integer from " + min + " to " + max);
                }
                return n;
            } catch (NumberFormatException e) {
                throw invalid(key, "an integer from " + min + " to " + max);
            }
        });
    }

    private Optional<Path> path(ConfigKey key) {
        return text(key).map(t -> {
            try {
                if (t.isEmpty()) {
                    throw invalid(key, "a file system path");
                }
                return Path.of(t);
            } catch (InvalidPathException e) {
                throw invalid(key, "a file system path");
            }
        });
    }

    private Optional<Duration> duration(ConfigKey key) {
        return text(key).map(t -> {
            Matcher m = DURATION.matcher(t);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "d" -> Duration.ofDays(n);
                    default -> Duration.ofHours(n);
                };
            }
            try {
                return Duration.parse(t);
            } catch (DateTimeParseException e) {
                throw invalid(key, "a duration such as 500ms, 5s, 2m or PT5S");
            }
        });
    }

    private boolean positive(ConfigKey key, Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            throw invalid(key, "a positive duration such as 200ms or 10s");
        }
        return true;
    }

    private Optional<Long> size(ConfigKey key) {
        return text(key).map(t -> {
            Matcher m = SIZE.matcher(t);
            if (!m.matches()) {
                throw invalid(key, "a size in bytes, or with KiB/MiB, such as 1048576 or 1MiB");
            }
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            long bytes = unit.startsWith("k") ? n * 1024 : unit.startsWith("m") ? n * 1024 * 1024 : n;
            if (bytes < 1024 || bytes > 1024L * 1024 * 1024) {
                throw invalid(key, "a size from 1KiB to 1024MiB");
            }
            return bytes;
        });
    }

    private static List<String> items(ConfigValue value) {
        return value.items().stream()
                .flatMap(i -> List.of(i.split(",")).stream())
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private ConfigException invalid(ConfigKey key, String expected) {
        ConfigValue value = sources.get(key).orElse(null);
        String got = value == null ? "nothing" : key.secret() ? "a value (hidden)" : "'" + value.text() + "'";
        String from = value == null ? "" : " (from " + value.source() + ")";
        return new ConfigException(
                "配置项无效 / invalid configuration " + key.key() + ": expected " + expected + ", got " + got + from);
    }
}
