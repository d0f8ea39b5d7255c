package city.tds.evidence.merkle;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.Hasher;

/**
 * The hashes of an RFC 9162 Merkle tree over the node's suite hash H (SM3 in the GM suite, SHA-256 in INTL):
 * leaf hash {@code H(0x00 || entry)}, interior node {@code H(0x01 || left || right)}, empty tree {@code H()}.
 * Thread-safe: each thread hashes with its own digest.
 */
public final class MerkleHasher {

    private static final byte[] LEAF_PREFIX = {0x00};
    private static final byte[] NODE_PREFIX = {0x01};

    private final ThreadLocal<Hasher> hashers;
    private final int size;
    private final byte[] emptyRoot;

    public MerkleHasher(CryptoSuite suite) {
        this.hashers = ThreadLocal.withInitial(suite::newHasher);
        this.size = suite.hashLength();
        this.emptyRoot = suite.hash(new byte[0]);
    }

    /** Length in bytes of every hash this hasher produces. */
    public int size() {
        return size;
    }

    public byte[] emptyRoot() {
        return emptyRoot.clone();
    }

    public byte[] leaf(byte[] entry) {
        return hashers.get().update(LEAF_PREFIX).update(entry).digest();
    }

    public byte[] node(byte[] left, byte[] right) {
        return hashers.get().update(NODE_PREFIX).update(left).update(right).digest();
    }
}
