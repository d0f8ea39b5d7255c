package city.tds.evidence.receipt;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.CryptoSuites;
import city.tds.crypto.SigningPublicKey;
import city.tds.evidence.merkle.MerkleHasher;
import city.tds.evidence.merkle.ProofVerifier;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/** Checks a {@link Receipt} with nothing but the receipt and, for independent trust, the log's public key. */
public final class ReceiptVerifier {

    /** The outcome: either valid, with what was checked, or the first reason it is not. */
    public record Outcome(boolean valid, String message, boolean keyPinned) {}

    public Outcome verify(Receipt receipt, Optional<SigningPublicKey> pinnedKey) {
        CryptoSuite suite = CryptoSuites.create(receipt.suite(), new SecureRandom());
        SigningPublicKey key = receipt.key();
        if (pinnedKey.isPresent()) {
            if (!pinnedKey.get().equals(key)) {
                return new Outcome(
                        false,
                        "the receipt's key " + key.keyId() + " is not the pinned key "
                                + pinnedKey.get().keyId(),
                        true);
            }
        }
        if (!receipt.treeHead().keyId().equals(key.keyId())) {
            return new Outcome(
                    false,
                    "the tree head names key " + receipt.treeHead().keyId() + " but the receipt" + " carries key "
                            + key.keyId(),
                    pinnedKey.isPresent());
        }
        if (!suite.verify(
                key, receipt.treeHead().signedBytes(), receipt.treeHead().signature())) {
            return new Outcome(false, "the tree head signature does not verify", pinnedKey.isPresent());
        }
        MerkleHasher hasher = new MerkleHasher(suite);
        byte[] leafHash = hasher.leaf(receipt.record().canonicalBytes());
        boolean included = new ProofVerifier(hasher)
                .verifyInclusion(
                        receipt.record().seq(),
                        receipt.treeHead().treeSize(),
                        leafHash,
                        receipt.inclusionProof(),
                        receipt.treeHead().rootHash());
        if (!included) {
            return new Outcome(
                    false,
                    "record " + receipt.record().seq() + " is not included in the tree of size "
                            + receipt.treeHead().treeSize() + " with root "
                            + HexFormat.of().formatHex(receipt.treeHead().rootHash()),
                    pinnedKey.isPresent());
        }
        return new Outcome(
                true,
                "record " + receipt.record().seq() + " (" + receipt.record().type() + ") is in the log of size "
                        + receipt.treeHead().treeSize() + ", root "
                        + HexFormat.of().formatHex(receipt.treeHead().rootHash()) + ", signed "
                        + receipt.treeHead().timestamp() + " by key " + key.keyId(),
                pinnedKey.isPresent());
    }
}
