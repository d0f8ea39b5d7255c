package city.tds.server.demo;

import city.tds.core.node.NodeRole;
import city.tds.crypto.Argon2idParameters;
import city.tds.crypto.SuiteId;
import city.tds.server.config.ConfigKey;
import city.tds.server.config.ConfigParser;
import city.tds.server.config.ConfigSources;
import city.tds.server.config.TdsConfig;
import city.tds.server.node.TdsNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo: a space node and three connectors in one JVM, each with its own embedded database, key and port, under one
 * data directory. Later capabilities extend it to walk the seed's small-business credit scenario.
 */
public final class Demo implements AutoCloseable {

    private final List<Running> nodes;

    private Demo(List<Running> nodes) {
        this.nodes = nodes;
    }

    /** A started demo node. */
    public record Running(DemoParticipant participant, TdsNode node) {}

    /**
     * Starts every demo node. If one fails, those already started are stopped and the failure propagates.
     *
     * @param basePort the space node's port; connectors take the next ones. 0 gives every node a free port.
     */
    public static Demo start(
            Path dataDir, int basePort, SuiteId suite, char[] passphrase, Clock clock, Argon2idParameters kdf) {
        return start(dataDir, basePort, suite, passphrase, clock, kdf, participant -> Map.of());
    }

    /**
     * As {@link #start(Path, int, SuiteId, char[], Clock, Argon2idParameters)}, each node with more configuration
     * ({@code extra}, e.g. its own PostgreSQL database for a benchmark).
     */
    public static Demo start(
            Path dataDir,
            int basePort,
            SuiteId suite,
            char[] passphrase,
            Clock clock,
            Argon2idParameters kdf,
            Function<DemoParticipant, Map<ConfigKey, String>> extra) {
        List<Running> started = new ArrayList<>();
        try {
            for (int i = 0; i < DemoParticipant.ALL.size(); i++) {
                DemoParticipant participant = DemoParticipant.ALL.get(i);
                int port = basePort == 0 ? 0 : basePort + i;
                TdsConfig config = config(
                        participant,
                        dataDir.resolve(participant.nodeName()),
                        port,
                        suite,
                        passphrase,
                        extra.apply(participant));
                started.add(new Running(participant, TdsNode.start(config, clock, kdf)));
            }
            return new Demo(List.copyOf(started));
        } catch (RuntimeException e) {
            new Demo(started).close();
            throw e;
        }
    }

    public List<Running> nodes() {
        return nodes;
    }

    /** The running node named {@code nodeName} (e.g. tax-bureau). */
    public Running node(String nodeName) {
        return nodes.stream()
                .filter(r -> r.participant().nodeName().equals(nodeName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the demo runs no node " + nodeName));
    }

    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).node().close();
        }
    }

    private static TdsConfig config(
            DemoParticipant participant,
            Path dataDir,
            int port,
            SuiteId suite,
            char[] passphrase,
            Map<ConfigKey, String> extra) {
        String roles = participant.roles().stream()
                .map(NodeRole::name)
                .map(r -> r.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
        ConfigSources sources = new ConfigSources()
                .commandLine(ConfigKey.NODE_NAME, participant.nodeName(), "demo")
                .commandLine(ConfigKey.NODE_ROLES, roles, "demo")
                .commandLine(ConfigKey.NODE_DATA_DIR, dataDir.toString(), "demo")
                .commandLine(ConfigKey.NODE_CRYPTO_SUITE, suite.name(), "demo")
                .commandLine(ConfigKey.HTTP_PORT, Integer.toString(port), "demo")
                // the demo lists its products as soon as they are approved; a real space keeps a notice period
                .commandLine(ConfigKey.CATALOG_NOTICE_PERIOD, "0s", "demo")
                .environment(Map.of(ConfigKey.KEYS_PASSPHRASE.envName(), new String(passphrase)));
        extra.forEach((key, value) -> sources.commandLine(key, value, "demo"));
        return new ConfigParser(sources).parse();
    }
}
