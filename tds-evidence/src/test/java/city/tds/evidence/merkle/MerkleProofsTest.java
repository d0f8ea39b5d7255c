package city.tds.evidence.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.GmSuite;
import city.tds.crypto.IntlSuite;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every proof of every tree shape up to 70 leaves verifies, and every corruption of one is rejected. */
class MerkleProofsTest {

    static List<CryptoSuite> suites() {
        return List.of(new GmSuite(new SecureRandom()), new IntlSuite(new SecureRandom()));
    }

    private static InMemoryTree tree(MerkleHasher hasher, int n) {
        InMemoryTree tree = new InMemoryTree(hasher);
        for (int i = 0; i < n; i++) {
            tree.appendEntry(new byte[] {(byte) i, (byte) (i * 7)});
        }
        return tree;
    }

    @ParameterizedTest
    @MethodSource("suites")
    void inclusionProofsVerifyAndCorruptionsFail(CryptoSuite suite) {
        MerkleHasher hasher = new MerkleHasher(suite);
        ProofVerifier verifier = new ProofVerifier(hasher);
        InMemoryTree tree = tree(hasher, 70);
        MerkleProofs proofs = new MerkleProofs(hasher, tree);
        for (int n = 1; n <= 70; n++) {
            byte[] root = proofs.root(n);
            for (int m = 0; m < n; m++) {
                byte[] leaf = tree.hash(0, m);
                List<byte[]> path = proofs.inclusion(m, n);
                assertThat(verifier.verifyInclusion(m, n, leaf, path, root))
                        .as("%d of %d", m, n)
                        .isTrue();
                assertThat(verifier.verifyInclusion(m, n * 2L, leaf, path, root))
                        .isFalse();
                if (n > 1) {
                    assertThat(verifier.verifyInclusion((m + 1) % n, n, leaf, path, root))
                            .isFalse();
                    List<byte[]> flipped = new ArrayList<>(path);
                    byte[] first = flipped.get(0).clone();
                    first[0] ^= 8;
                    flipped.set(0, first);
                    assertThat(verifier.verifyInclusion(m, n, leaf, flipped, root))
                            .isFalse();
                    assertThat(verifier.verifyInclusion(m, n, leaf, path.subList(0, path.size() - 1), root))
                            .isFalse();
                    List<byte[]> longer = new ArrayList<>(path);
                    longer.add(root);
                    assertThat(verifier.verifyInclusion(m, n, leaf, longer, root))
                            .isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("suites")
    void consistencyProofsVerifyAndCorruptionsFail(CryptoSuite suite) {
        MerkleHasher hasher = new MerkleHasher(suite);
        ProofVerifier verifier = new ProofVerifier(hasher);
        MerkleProofs proofs = new MerkleProofs(hasher, tree(hasher, 40));
        for (int second = 1; second <= 40; second++) {
            for (int first = 0; first <= second; first++) {
                byte[] r1 = proofs.root(first);
                byte[] r2 = proofs.root(second);
                List<byte[]> proof = proofs.consistency(first, second);
                assertThat(verifier.verifyConsistency(first, second, r1, r2, proof))
                        .as("%d to %d", first, second)
                        .isTrue();
                if (first > 0 && first < second) {
                    assertThat(verifier.verifyConsistency(first, second, r2, r1, proof))
                            .isFalse();
                    assertThat(verifier.verifyConsistency(first - 1, second, r1, r2, proof))
                            .isFalse();
                    assertThat(verifier.verifyConsistency(first, second, r1, r2, proof.subList(1, proof.size())))
                            .isFalse();
                    List<byte[]> flipped = new ArrayList<>(proof);
                    byte[] last = flipped.get(flipped.size() - 1).clone();
                    last[0] ^= 16;
                    flipped.set(flipped.size() - 1, last);
                    assertThat(verifier.verifyConsistency(first, second, r1, r2, flipped))
                            .isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("suites")
    void requestsOutsideTheTreeAreRefused(CryptoSuite suite) {
        MerkleHasher hasher = new MerkleHasher(suite);
        MerkleProofs proofs = new MerkleProofs(hasher, tree(hasher, 5));
        assertThatThrownBy(() -> proofs.inclusion(5, 5)).hasMessageContaining("not in a tree of size 5");
        assertThatThrownBy(() -> proofs.inclusion(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> proofs.root(6)).hasMessageContaining("beyond");
        assertThatThrownBy(() -> proofs.consistency(4, 3)).hasMessageContaining("from size 4 to size 3");
        assertThat(hasher.size()).isEqualTo(32);
    }
}
