package city.tds.server.config;

import city.tds.core.node.NodeRole;
import city.tds.crypto.SuiteId;
import city.tds.evidence.log.EvidenceSettings;
import city.tds.store.DatabaseSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A node's whole configuration, validated.
 *
 * @param node who the node is and where it keeps its files
 * @param http where it listens
 * @param database where its state lives
 * @param keys where its signing key is and how it is sealed
 * @param evidence how the evidence log sequences and signs
 * @param identity how a space node's identity services behave
 * @param catalog how a space node's catalog runs its listing workflow
 * @param connector which space a connector node belongs to, and as whom
 * @param dataPlane how a connector node's data plane watches its copies
 * @param governance which grading rules the governance services apply
 */
public record TdsConfig(
        NodeSettings node,
        HttpSettings http,
        DatabaseSettings database,
        KeySettings keys,
        EvidenceSettings evidence,
        IdentityConfig identity,
        CatalogConfig catalog,
        ConnectorConfig connector,
        DataPlaneConfig dataPlane,
        GovernanceConfig governance) {

    public record NodeSettings(String name, Set<NodeRole> roles, Path dataDir, SuiteId cryptoSuite, URI publicUrl) {
        public NodeSettings {
            roles = Set.copyOf(roles);
        }
    }

    public record HttpSettings(String host, int port, long maxRequestBytes) {}

    /** Identity settings of a space node; the issuer is the node's public URL. */
    public record IdentityConfig(
            Duration accessTokenLifetime, int maxLoginFailures, Duration lockout, Duration statusRefresh) {}

    /** Catalog settings of a space node. */
    public record CatalogConfig(String spaceCode, Duration noticePeriod, Duration noticeCheckInterval) {}

    /**
     * A connector node's membership of a space, once onboarded: the space node's URL and the participant and client
     * ids onboarding gave. All three empty when the connector has not joined yet.
     */
    public record ConnectorConfig(Optional<URI> spaceUrl, Optional<String> participantId, Optional<String> clientId) {}

    /** Data plane settings of a connector node: how often the policy monitor looks for copies to delete. */
    public record DataPlaneConfig(Duration monitorInterval) {}

    /** @param gradingRules the operator's GB/T 43697 rule set (YAML), or empty for the one TDS ships */
    public record GovernanceConfig(city.tds.governance.grade.GradingRules gradingRules) {}

    /** The passphrase is held as characters and left out of {@code toString}. */
    public record KeySettings(Path file, char[] passphrase) {
        @Override
        public String toString() {
            return "KeySettings[file=" + file + ", passphrase=***]";
        }
    }

    /** The same configuration listening on another port (the demo and tests pick ports at start-up). */
    public TdsConfig withPort(int port) {
        return new TdsConfig(
                node,
                new HttpSettings(http.host(), port, http.maxRequestBytes()),
                database,
                keys,
                evidence,
                identity,
                catalog,
                connector,
                dataPlane,
                governance);
    }

    /** The same configuration with another public URL. */
    public TdsConfig withPublicUrl(URI url) {
        return new TdsConfig(
                new NodeSettings(node.name(), node.roles(), node.dataDir(), node.cryptoSuite(), url),
                http,
                database,
                keys,
                evidence,
                identity,
                catalog,
                connector,
                dataPlane,
                governance);
    }

    /** The same configuration on another database. */
    public TdsConfig withDatabase(DatabaseSettings other) {
        return new TdsConfig(node, http, other, keys, evidence, identity, catalog, connector, dataPlane, governance);
    }
}
