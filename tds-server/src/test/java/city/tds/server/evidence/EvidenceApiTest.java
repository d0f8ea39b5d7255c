package city.tds.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.evidence.log.SignedTreeHead;
import city.tds.evidence.merkle.MerkleHasher;
import city.tds.evidence.merkle.ProofVerifier;
import city.tds.server.node.TdsNode;
import city.tds.server.testkit.HttpCall;
import city.tds.server.testkit.OpenApiDocument;
import city.tds.server.testkit.TestNodes;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public evidence API over HTTP: tree heads and proofs that an outsider can check. */
class EvidenceApiTest {

    @TempDir
    static Path dir;

    private static TdsNode node;
    private static final OpenApiDocument OPENAPI = OpenApiDocument.bundled();

    @BeforeAll
    static void start() {
        node = TestNodes.startConnector(dir.resolve("n"), "evidence-api");
        while (node.evidence().sequenceBatch() > 0) {
            // the node's own records (node.created, node.started)
        }
        node.evidence().signTreeHead();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static URI api(String path) {
        return node.url().resolve(path);
    }

    @Test
    void theNodeRecordsItsCreationAndEveryStart() {
        assertThat(node.evidence().size()).isEqualTo(2);
        assertThat(node.evidence().leaf(0).orElseThrow().record().type()).isEqualTo("node.created");
        assertThat(node.evidence().leaf(1).orElseThrow().record().type()).isEqualTo("node.started");
        assertThat(node.evidence().leaf(0).orElseThrow().record().subjects())
                .containsExactly("node:" + node.identity().nodeId());
    }

    @Test
    void theLatestTreeHeadIsSignedByTheNodeKey() {
        HttpCall.Response response = HttpCall.get(api("/api/v1/evidence/tree-heads/latest"));
        OPENAPI.assertConforms("GET", "/api/v1/evidence/tree-heads/latest", response);
        JsonNode head = response.json();
        SignedTreeHead latest = node.evidence().latestTreeHead().orElseThrow();

        assertThat(head.path("treeSize").asLong()).isEqualTo(latest.treeSize());
        assertThat(head.path("keyId").asText()).isEqualTo(node.keys().keyId());
        assertThat(head.path("hashAlgorithm").asText()).isEqualTo("SM3");
        assertThat(node.evidence().suite().verify(node.keys().publicKey(), latest.signedBytes(), latest.signature()))
                .isTrue();
    }

    @Test
    void anInclusionProofFromTheApiVerifiesAgainstTheSignedRoot() {
        HttpCall.Response response = HttpCall.get(api("/api/v1/evidence/proofs/inclusion?seq=1"));
        OPENAPI.assertConforms("GET", "/api/v1/evidence/proofs/inclusion", response);
        JsonNode proof = response.json();
        SignedTreeHead head = node.evidence().latestTreeHead().orElseThrow();
        List<byte[]> path = new ArrayList<>();
        proof.path("path").forEach(h -> path.add(HexFormat.of().parseHex(h.asText())));

        ProofVerifier verifier =
                new ProofVerifier(new MerkleHasher(node.evidence().suite()));
        assertThat(verifier.verifyInclusion(
                        1,
                        proof.path("treeSize").asLong(),
                        HexFormat.of().parseHex(proof.path("leafHash").asText()),
                        path,
                        head.rootHash()))
                .isTrue();
    }

    @Test
    void aConsistencyProofFromTheApiVerifies() {
        HttpCall.Response response = HttpCall.get(api("/api/v1/evidence/proofs/consistency?first=1&second=2"));
        OPENAPI.assertConforms("GET", "/api/v1/evidence/proofs/consistency", response);
        List<byte[]> path = new ArrayList<>();
        response.json().path("path").forEach(h -> path.add(HexFormat.of().parseHex(h.asText())));
        ProofVerifier verifier =
                new ProofVerifier(new MerkleHasher(node.evidence().suite()));
        assertThat(verifier.verifyConsistency(
                        1, 2, node.evidence().root(1), node.evidence().root(2), path))
                .isTrue();
    }

    @Test
    void badProofRequestsAre400WithTheReason() {
        assertProblem("/api/v1/evidence/proofs/inclusion?seq=2", "leaf-out-of-range");
        assertProblem("/api/v1/evidence/proofs/inclusion?seq=-1", "leaf-out-of-range");
        assertProblem("/api/v1/evidence/proofs/inclusion?seq=0&treeSize=99", "tree-size-out-of-range");
        assertProblem("/api/v1/evidence/proofs/inclusion", "missing-query-parameter");
        assertProblem("/api/v1/evidence/proofs/inclusion?seq=one", "invalid-query-parameter");
        assertProblem("/api/v1/evidence/proofs/consistency?first=2&second=1", "reversed-range");
        assertProblem("/api/v1/evidence/proofs/consistency?first=-3&second=1", "negative-tree-size");
        assertProblem("/api/v1/evidence/proofs/consistency?first=1&second=50", "tree-size-out-of-range");
    }

    private static void assertProblem(String path, String code) {
        HttpCall.Response response = HttpCall.get(api(path));
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.json().path("type").asText()).as(path).isEqualTo("urn:tds:problem:" + code);
        OPENAPI.assertConforms("GET", path.split("\\?")[0], response);
    }
}
