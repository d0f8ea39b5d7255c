package city.tds.server.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration key TDS understands. A key can be set in {@code tds.yaml} (nested or dotted), by an environment
 * variable ({@link #envName()}), or on the command line; later sources win in that order.
 */
public enum ConfigKey {
    NODE_NAME("node.name", "tds-node", "Name of this node: lower-case letters, digits and '-', at most 63."),
    NODE_ROLES("node.roles", "space,connector", "Roles this node plays: space, connector, or both."),
    NODE_DATA_DIR("node.data-dir", "./data", "Directory for the embedded database, keys and local files."),
    NODE_CRYPTO_SUITE("node.crypto-suite", "GM", "GM (SM2/SM3/SM4) or INTL (Ed25519/SHA-256/AES-256-GCM)."),
    NODE_PUBLIC_URL("node.public-url", "http://<http.host>:<http.port>", "URL other nodes use to reach this node."),
    HTTP_HOST("http.host", "127.0.0.1", "Address the HTTP server listens on; 0.0.0.0 for all interfaces."),
    HTTP_PORT("http.port", "8080", "Port the HTTP server listens on; 0 picks a free port."),
    HTTP_MAX_REQUEST_BYTES("http.max-request-bytes", "1MiB", "Largest request body accepted (bytes, or KiB/MiB)."),
    DATABASE_URL(
            "database.url", "embedded H2 under <node.data-dir>/db", "JDBC URL: jdbc:h2:... or jdbc:postgresql:..."),
    DATABASE_USER("database.user", "", "Database user (PostgreSQL)."),
    DATABASE_PASSWORD("database.password", "", "Database password (PostgreSQL). Secret.", true),
    DATABASE_MAX_POOL_SIZE("database.max-pool-size", "8", "Most database connections held open."),
    DATABASE_CONNECT_TIMEOUT("database.connect-timeout", "5s", "How long start-up waits for the database."),
    EVIDENCE_POLL_INTERVAL(
            "evidence.poll-interval", "200ms", "How often the evidence sequencer checks the queue when not woken."),
    EVIDENCE_SIGN_INTERVAL(
            "evidence.sign-interval", "10s", "Most often a new evidence tree head is signed while the log grows."),
    IDENTITY_ACCESS_TOKEN_LIFETIME(
            "identity.access-token-lifetime", "15m", "How long an access token is valid (space nodes)."),
    IDENTITY_MAX_LOGIN_FAILURES("identity.max-login-failures", "5", "Consecutive failed logins that lock an account."),
    IDENTITY_LOCKOUT(
            "identity.lockout",
            "15m",
            "How long a locked account stays locked; 0s: until an administrator unlocks it."),
    IDENTITY_STATUS_REFRESH(
            "identity.status-refresh",
            "30s",
            "How often suspensions, locks and revocations are reloaded: the bound for them to apply everywhere."),
    CATALOG_SPACE_CODE(
            "catalog.space-code", "TDS", "The space's code in product registration codes (登记编号), e.g. SH-TDS."),
    CATALOG_NOTICE_PERIOD(
            "catalog.notice-period", "7d", "How long a reviewed product stays in public notice (公示期) before listing."),
    CATALOG_NOTICE_CHECK_INTERVAL(
            "catalog.notice-check-interval", "1m", "How often the space lists products whose notice has ended."),
    CONNECTOR_SPACE_URL(
            "connector.space-url",
            "",
            "A connector's space node URL, once onboarded; its tokens and credentials come from there."),
    CONNECTOR_PARTICIPANT_ID(
            "connector.participant-id", "", "The participant a connector acts for, as onboarding gave it."),
    CONNECTOR_CLIENT_ID("connector.client-id", "", "The connector's client id at the space, as onboarding gave it."),
    DATAPLANE_MONITOR_INTERVAL(
            "dataplane.monitor-interval",
            "30s",
            "How often a connector's policy monitor deletes copies whose agreement ended or whose time ran out."),
    GOVERNANCE_GRADING_RULES(
            "governance.grading-rules",
            "",
            "A YAML rule set for grading after GB/T 43697-2024 (see docs/governance.md); empty: the one TDS ships."),
    KEYS_FILE("keys.file", "<node.data-dir>/keys/node-signing.key", "The node's sealed signing key."),
    KEYS_PASSPHRASE("keys.passphrase", "", "Passphrase sealing the node key (at least 8 characters). Secret.", true),
    KEYS_PASSPHRASE_FILE("keys.passphrase-file", "", "File whose first line is the key passphrase.");

    private final String key;
    private final String defaultText;
    private final String description;
    private final boolean secret;

    ConfigKey(String key, String defaultText, String description) {
        this(key, defaultText, description, false);
    }

    ConfigKey(String key, String defaultText, String description, boolean secret) {
        this.key = key;
        this.defaultText = defaultText;
        this.description = description;
        this.secret = secret;
    }

    /** The dotted name, e.g. {@code http.port}. */
    public String key() {
        return key;
    }

    /** The environment variable that sets this key, e.g. {@code TDS_HTTP_PORT}. */
    public String envName() {
        return "TDS_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }

    /** Secret values are never printed, logged or echoed in error messages. */
    public boolean secret() {
        return secret;
    }

    public static Optional<ConfigKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
