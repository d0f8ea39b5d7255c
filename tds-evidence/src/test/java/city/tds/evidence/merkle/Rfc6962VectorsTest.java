package city.tds.evidence.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.crypto.IntlSuite;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The published RFC 6962 reference set (the Certificate Transparency leaves and roots, as in
 * transparency-dev/merkle's proof tests): the SHA-256 tree must agree with every other RFC 6962/9162 implementation.
 */
class Rfc6962VectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String[] ENTRIES = {
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"
    };
    private static final String[] ROOTS = {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    };

    private final MerkleHasher hasher = new MerkleHasher(new IntlSuite(new SecureRandom()));
    private final InMemoryTree tree = new InMemoryTree(hasher);
    private final MerkleProofs proofs = new MerkleProofs(hasher, tree);
    private final ProofVerifier verifier = new ProofVerifier(hasher);

    @BeforeEach
    void buildTheReferenceTree() {
        for (String entry : ENTRIES) {
            tree.appendEntry(HEX.parseHex(entry));
        }
    }

    private byte[] root(int size) {
        return HEX.parseHex(ROOTS[size]);
    }

    private static List<byte[]> hashes(String... hex) {
        List<byte[]> out = new ArrayList<>();
        for (String h : hex) {
            out.add(HEX.parseHex(h));
        }
        return out;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    @Test
    void rootsOfEverySizeMatch() {
        for (int size = 0; size <= ENTRIES.length; size++) {
            assertThat(HEX.formatHex(proofs.root(size))).as("size %d", size).isEqualTo(ROOTS[size]);
        }
        CompactRange range = new CompactRange(hasher);
        assertThat(HEX.formatHex(range.root())).isEqualTo(ROOTS[0]);
        for (int i = 0; i < ENTRIES.length; i++) {
            range.append(hasher.leaf(HEX.parseHex(ENTRIES[i])));
            assertThat(HEX.formatHex(range.root()))
                    .as("compact range of %d", i + 1)
                    .isEqualTo(ROOTS[i + 1]);
        }
    }

    @Test
    void inclusionProofsMatchAndVerify() {
        record Vector(long leaf, long size, List<byte[]> proof) {}
        List<Vector> vectors = List.of(
                new Vector(
                        0,
                        8,
                        hashes(
                                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                new Vector(
                        5,
                        8,
                        hashes(
                                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                new Vector(2, 3, hashes("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
                new Vector(
                        1,
                        5,
                        hashes(
                                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));
        for (Vector v : vectors) {
            List<byte[]> proof = proofs.inclusion(v.leaf(), v.size());
            assertThat(hex(proof)).as("leaf %d of %d", v.leaf(), v.size()).isEqualTo(hex(v.proof()));
            byte[] leafHash = hasher.leaf(HEX.parseHex(ENTRIES[(int) v.leaf()]));
            assertThat(verifier.verifyInclusion(v.leaf(), v.size(), leafHash, v.proof(), root((int) v.size())))
                    .isTrue();
        }
        assertThat(proofs.inclusion(0, 1)).isEmpty();
    }

    @Test
    void consistencyProofsMatchAndVerify() {
        record Vector(long first, long second, List<byte[]> proof) {}
        List<Vector> vectors = List.of(
                new Vector(
                        1,
                        8,
                        hashes(
                                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                new Vector(
                        6,
                        8,
                        hashes(
                                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                new Vector(
                        2,
                        5,
                        hashes(
                                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                new Vector(
                        6,
                        7,
                        hashes(
                                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));
        for (Vector v : vectors) {
            List<byte[]> proof = proofs.consistency(v.first(), v.second());
            assertThat(hex(proof)).as("%d to %d", v.first(), v.second()).isEqualTo(hex(v.proof()));
            assertThat(verifier.verifyConsistency(
                            v.first(), v.second(), root((int) v.first()), root((int) v.second()), v.proof()))
                    .isTrue();
        }
        assertThat(proofs.consistency(1, 1)).isEmpty();
        assertThat(verifier.verifyConsistency(0, 8, root(0), root(8), List.of()))
                .isTrue();
    }
}
