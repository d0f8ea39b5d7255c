package city.tds.evidence.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.tds.core.Result;
import city.tds.core.evidence.EvidenceTicket;
import city.tds.crypto.SigningKeyPair;
import city.tds.evidence.merkle.ProofVerifier;
import city.tds.evidence.receipt.Receipt;
import city.tds.evidence.receipt.ReceiptVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The evidence log on a real database: atomic appends, sequencing, tree heads, proofs and receipts. */
public abstract class EvidenceLogContract extends EvidenceFixture {

    @Test
    void aRecordCommitsWithItsChangeAndIsSequencedInOrder() {
        EvidenceTicket first = decide("d1");
        EvidenceTicket second = decide("d2");
        assertThat(log.size()).isZero();

        assertThat(log.sequenceBatch()).isEqualTo(2);

        assertThat(log.size()).isEqualTo(2);
        assertThat(store.seqOfTicket(first.id())).hasValue(0);
        assertThat(store.seqOfTicket(second.id())).hasValue(1);
        StoredLeaf leaf = log.leaf(1).orElseThrow();
        assertThat(leaf.record().subjects()).containsExactly("decision:d2");
        assertThat(leaf.record().parties()).containsExactly("p-1", "p-2");
        assertThat(leaf.record().payloadDigest())
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(suite.hash("{\"id\":\"d2\"}".getBytes(StandardCharsets.UTF_8))));
        assertThat(log.sequenceBatch()).isZero();
    }

    @Test
    void aRolledBackChangeLeavesNoRecordAndARecordNeverExistsWithoutItsChange() {
        assertThatThrownBy(() -> database.unitOfWork().run(tx -> {
                    database.unitOfWork().withHandle(h -> h.execute("INSERT INTO decision (id) VALUES ('x')"));
                    log.recorder().record(event("x"));
                    throw new IllegalStateException("the change fails after recording");
                }))
                .hasMessageContaining("fails after recording");

        assertThat(log.sequenceBatch()).isZero();
        assertThat(store.queued(10)).isEmpty();
    }

    @Test
    void recordingOutsideAUnitOfWorkIsABug() {
        assertThatThrownBy(() -> log.recorder().record(event("x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the unit of work");
    }

    @Test
    void proofsVerifyAcrossTileBoundariesAndAfterReopening() {
        appendAndSequence(600);
        ProofVerifier verifier = new ProofVerifier(log.hasher());

        for (long size : new long[] {1, 255, 256, 257, 512, 600}) {
            byte[] root = log.root(size);
            for (long seq : new long[] {0, size / 2, size - 1}) {
                InclusionProof proof = log.inclusionProof(seq, size).value();
                assertThat(verifier.verifyInclusion(seq, size, proof.leafHash(), proof.path(), root))
                        .as("%d in %d", seq, size)
                        .isTrue();
            }
        }
        ConsistencyProof consistency = log.consistencyProof(257, 600).value();
        assertThat(verifier.verifyConsistency(257, 600, log.root(257), log.root(600), consistency.path()))
                .isTrue();

        EvidenceLog reopened = newLog();
        assertThat(reopened.size()).isEqualTo(600);
        assertThat(reopened.root(600)).isEqualTo(log.root(600));
        assertThat(reopened.inclusionProof(3, 600).value().path())
                .usingElementComparator(java.util.Arrays::compare)
                .containsExactlyElementsOf(log.inclusionProof(3, 600).value().path());
    }

    @Test
    void treeHeadsAreSignedOnDemandAndNeverGoBack() {
        appendAndSequence(3);
        SignedTreeHead head = log.signTreeHead();

        assertThat(head.treeSize()).isEqualTo(3);
        assertThat(suite.verify(key.publicKey(), head.signedBytes(), head.signature()))
                .isTrue();
        assertThat(log.signTreeHead()).usingRecursiveComparison().isEqualTo(head);

        clock.set(clock.instant().minusSeconds(60));
        appendAndSequence(1);
        SignedTreeHead later = log.signTreeHead();
        assertThat(later.treeSize()).isEqualTo(4);
        assertThat(later.timestamp()).isAfterOrEqualTo(head.timestamp());
        assertThat(store.treeHeads()).extracting(SignedTreeHead::treeSize).containsExactly(3L, 4L);
    }

    @Test
    void aReceiptVerifiesOfflineAndATamperedOneDoesNot() {
        appendAndSequence(10);
        Receipt receipt = log.receipt(7).value();

        Receipt parsed = Receipt.fromJson(receipt.toJson());
        ReceiptVerifier verifier = new ReceiptVerifier();
        assertThat(verifier.verify(parsed, Optional.of(key.publicKey())).valid())
                .isTrue();

        var json = receipt.toJson();
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("record")).put("type", "test.forged");
        assertThat(verifier.verify(Receipt.fromJson(json), Optional.empty()).valid())
                .isFalse();

        SigningKeyPair other = suite.generateSigningKeyPair();
        assertThat(verifier.verify(parsed, Optional.of(other.publicKey())).message())
                .contains("not the pinned key");
    }

    @Test
    void proofRequestsOutsideTheTreeAreRefusedWithAReason() {
        appendAndSequence(5);
        assertThat(problem(log.inclusionProof(5, 5))).isEqualTo("leaf-out-of-range");
        assertThat(problem(log.inclusionProof(0, 6))).isEqualTo("tree-size-out-of-range");
        assertThat(problem(log.inclusionProof(-1, 5))).isEqualTo("leaf-out-of-range");
        assertThat(problem(log.consistencyProof(4, 2))).isEqualTo("reversed-range");
        assertThat(problem(log.consistencyProof(-1, 2))).isEqualTo("negative-tree-size");
        assertThat(problem(log.consistencyProof(2, 9))).isEqualTo("tree-size-out-of-range");
        assertThat(problem(log.receipt(99))).isEqualTo("no-such-record");
    }

    @Test
    void searchFindsRecordsBySubjectTypeAndParty() {
        appendAndSequence(4);
        assertThat(log.search("decision:d2", null, null, -1, 10)).containsExactly(2L);
        assertThat(log.search(null, "test.decided", "p-2", -1, 10)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(log.search(null, null, "p-9", -1, 10)).isEmpty();
        assertThat(log.search(null, "test.decided", null, 1, 2)).containsExactly(2L, 3L);
    }

    @Test
    void theWorkerSequencesAfterCommitAndAwaitingAReceiptNeedsNoSleep() throws Exception {
        try (EvidenceWorker worker = new EvidenceWorker(
                        log, new city.tds.store.JdbiLeaseStore(database, clock), "replica-a", "test-evidence")
                .start()) {
            List<EvidenceTicket> tickets = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                tickets.add(decide("w" + i));
            }
            for (EvidenceTicket ticket : tickets) {
                assertThat(log.awaitSequenced(ticket, Duration.ofSeconds(30))).isPresent();
            }
            assertThat(log.size()).isEqualTo(20);
            assertThat(worker).isNotNull();
        }
    }

    private static String problem(Result<?> result) {
        return result.problem().code();
    }
}
