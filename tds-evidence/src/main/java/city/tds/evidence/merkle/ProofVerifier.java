package city.tds.evidence.merkle;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verification of inclusion and consistency proofs, as RFC 9162 sections 2.1.3.2 and 2.1.4.2 specify. Needs only the
 * hasher: this is what an auditor runs offline.
 */
public final class ProofVerifier {

    private final MerkleHasher hasher;

    public ProofVerifier(MerkleHasher hasher) {
        this.hasher = hasher;
    }

    public boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize || !wellFormed(leafHash) || !wellFormed(root)) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0 || !wellFormed(p)) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = hasher.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = hasher.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    public boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 0 || second < first || !wellFormed(firstRoot) || !wellFormed(secondRoot)) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        int i = 0;
        byte[] start;
        if (TreeMath.isPowerOfTwo(first)) {
            start = firstRoot;
        } else {
            start = proof.get(i++);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        if (!wellFormed(start)) {
            return false;
        }
        byte[] fr = start;
        byte[] sr = start;
        for (; i < proof.size(); i++) {
            byte[] c = proof.get(i);
            if (sn == 0 || !wellFormed(c)) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = hasher.node(c, fr);
                sr = hasher.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = hasher.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    private boolean wellFormed(byte[] hash) {
        return hash != null && hash.length == hasher.size();
    }
}
