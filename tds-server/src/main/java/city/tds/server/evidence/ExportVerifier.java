package city.tds.server.evidence;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.CryptoSuites;
import city.tds.crypto.SigningPublicKey;
import city.tds.crypto.SuiteId;
import city.tds.evidence.log.SignedTreeHead;
import city.tds.evidence.merkle.CompactRange;
import city.tds.evidence.merkle.MerkleHasher;
import city.tds.evidence.record.EvidenceRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Checks a {@link LogExport} file offline: canonical records in order, the root they produce, the head's signature. */
public final class ExportVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcome; {@code message} says what was verified or the first thing that failed. */
    public record Outcome(boolean valid, String message) {}

    public Outcome verify(Path file, Optional<Path> publicKeyFile) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonNode header = JSON.readTree(in.readLine());
            if (header == null || !LogExport.FORMAT.equals(header.path("format").asText())) {
                return new Outcome(false, file + " is not a TDS evidence export");
            }
            CryptoSuite suite = CryptoSuites.create(
                    SuiteId.parse(header.path("suite").asText()).orElseThrow(), new SecureRandom());
            SigningPublicKey key = publicKeyFile
                    .map(p -> PublicKeyFile.read(p, suite))
                    .orElseGet(() -> suite.readPublicKey(Base64.getDecoder()
                                    .decode(header.path("publicKey")
                                            .path("publicKey")
                                            .asText()))
                            .orElseThrow());
            MerkleHasher hasher = new MerkleHasher(suite);
            CompactRange range = new CompactRange(hasher);
            SignedTreeHead head = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("{\"treeHead\"")) {
                    JsonNode h = JSON.readTree(line).path("treeHead");
                    head = new SignedTreeHead(
                            h.path("treeSize").asLong(),
                            Instant.ofEpochMilli(h.path("timestampMillis").asLong()),
                            HexFormat.of().parseHex(h.path("rootHash").asText()),
                            h.path("keyId").asText(),
                            Base64.getDecoder().decode(h.path("signature").asText()));
                    continue;
                }
                byte[] entry = line.getBytes(StandardCharsets.UTF_8);
                EvidenceRecord record;
                try {
                    record = EvidenceRecord.fromCanonicalBytes(entry);
                } catch (IllegalArgumentException e) {
                    return new Outcome(false, "record " + range.size() + " is malformed: " + e.getMessage());
                }
                if (record.seq() != range.size()) {
                    return new Outcome(false, "record " + range.size() + " is numbered " + record.seq());
                }
                range.append(hasher.leaf(entry));
            }
            if (head == null) {
                return new Outcome(false, "the export has no signed tree head");
            }
            if (head.treeSize() != range.size()) {
                return new Outcome(
                        false, "the head covers " + head.treeSize() + " records, the export has " + range.size());
            }
            byte[] rootAtHead = range.root();
            if (!MessageDigest.isEqual(rootAtHead, head.rootHash())) {
                return new Outcome(false, "the records do not produce the signed root: a record was altered");
            }
            if (!head.keyId().equals(key.keyId()) || !suite.verify(key, head.signedBytes(), head.signature())) {
                return new Outcome(false, "the tree head signature does not verify with key " + key.keyId());
            }
            return new Outcome(
                    true,
                    range.size() + " records verified; root " + HexFormat.of().formatHex(rootAtHead) + " signed "
                            + head.timestamp() + " by key " + key.keyId());
        }
    }
}
