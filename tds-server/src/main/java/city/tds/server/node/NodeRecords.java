package city.tds.server.node;

import city.tds.core.evidence.EvidenceActor;
import city.tds.core.evidence.EvidenceEvent;
import city.tds.core.evidence.EvidenceRecorder;
import city.tds.core.id.TimeOrderedIdGenerator;
import city.tds.core.node.NodeIdentity;
import city.tds.core.node.NodeIdentityStore;
import city.tds.core.node.NodeRole;
import city.tds.crypto.SigningKeyPair;
import city.tds.evidence.record.CanonicalJson;
import city.tds.server.config.TdsConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The node's own identity and its first evidence: {@code node.created} when the identity is made (with the key it
 * signs with from then on) and {@code node.started} at every start (version, key, roles). Runs inside the caller's
 * unit of work, so the identity and its record commit together.
 */
final class NodeRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeIdentityStore identities;
    private final EvidenceRecorder evidence;
    private final Clock clock;

    NodeRecords(NodeIdentityStore identities, EvidenceRecorder evidence, Clock clock) {
        this.identities = identities;
        this.evidence = evidence;
        this.clock = clock;
    }

    NodeIdentity identify(TdsConfig config, SigningKeyPair keys, SecureRandom random, Instant startedAt) {
        String suite = config.node().cryptoSuite().name();
        NodeIdentity identity = identities.find().orElse(null);
        if (identity != null && !identity.cryptoSuite().equals(suite)) {
            throw new StartupException("密码套件不一致 / this node was created with the " + identity.cryptoSuite()
                    + " suite and cannot run with " + suite);
        }
        if (identity == null) {
            identity = new NodeIdentity(
                    new TimeOrderedIdGenerator(clock, random).newId(),
                    config.node().name(),
                    suite,
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            identities.create(identity);
            record(
                    identity,
                    "node.created",
                    JSON.createObjectNode()
                            .put("nodeId", identity.nodeId())
                            .put("name", identity.name())
                            .put("suite", suite)
                            .put("keyId", keys.keyId())
                            .put("publicKey", keys.publicKey().toBase64()));
        }
        String roles =
                config.node().roles().stream().map(NodeRole::name).sorted().collect(Collectors.joining(","));
        record(
                identity,
                "node.started",
                JSON.createObjectNode()
                        .put("version", TdsVersion.current())
                        .put("keyId", keys.keyId())
                        .put("roles", roles)
                        .put("startedAt", startedAt.toString()));
        return identity;
    }

    private void record(NodeIdentity identity, String type, ObjectNode payload) {
        evidence.record(new EvidenceEvent(
                type,
                clock.instant(),
                EvidenceActor.SYSTEM,
                List.of("node:" + identity.nodeId()),
                Set.of(),
                CanonicalJson.encode(payload)));
    }
}
