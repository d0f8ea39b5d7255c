package city.tds.server.testkit;

import city.tds.crypto.Argon2idParameters;
import city.tds.server.config.ConfigKey;
import city.tds.server.config.ConfigParser;
import city.tds.server.config.ConfigSources;
import city.tds.server.config.TdsConfig;
import city.tds.server.node.TdsNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Configurations and nodes for tests: a data directory of the test's own, a free port, a cheap key derivation. */
public final class TestNodes {

    public static final String PASSPHRASE = "test-node-passphrase";
    /** Argon2id at its minimum cost: the tests exercise the sealing, not the cost. */
    public static final Argon2idParameters CHEAP_KDF = new Argon2idParameters(64, 1, 1);

    private TestNodes() {}

    /** Sources for a node named {@code name} in {@code dataDir} on a free port; add more with {@code extra}. */
    public static ConfigSources sources(Path dataDir, String name, Map<ConfigKey, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put(ConfigKey.KEYS_PASSPHRASE.envName(), PASSPHRASE);
        ConfigSources sources = new ConfigSources()
                .environment(env)
                .commandLine(ConfigKey.NODE_NAME, name, "test")
                .commandLine(ConfigKey.NODE_DATA_DIR, dataDir.toString(), "test")
                .commandLine(ConfigKey.HTTP_PORT, "0", "test");
        extra.forEach((key, value) -> sources.commandLine(key, value, "test"));
        return sources;
    }

    public static TdsConfig config(Path dataDir, String name, Map<ConfigKey, String> extra) {
        return new ConfigParser(sources(dataDir, name, extra)).parse();
    }

    public static TdsNode start(Path dataDir, String name) {
        return start(config(dataDir, name, Map.of()));
    }

    /** A connector-only node: no identity services, so its evidence log holds only the node's own records. */
    public static TdsNode startConnector(Path dataDir, String name) {
        return start(config(dataDir, name, Map.of(ConfigKey.NODE_ROLES, "connector")));
    }

    public static TdsNode start(TdsConfig config) {
        return TdsNode.start(config, Clock.systemUTC(), CHEAP_KDF);
    }
}
