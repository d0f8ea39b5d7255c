package city.tds.server.evidence;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.SigningPublicKey;
import city.tds.evidence.log.EvidenceStore;
import city.tds.evidence.log.SignedTreeHead;
import city.tds.evidence.receipt.Receipt;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes a log for a regulator as JSON lines: a header (format, suite, algorithms, public key), then every record's
 * canonical entry exactly as stored and hashed, then the latest signed tree head.
 */
public final class LogExport {

    public static final String FORMAT = "tds-evidence-export/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LogExport() {}

    /** Returns the number of records written. */
    public static long write(EvidenceStore store, CryptoSuite suite, SigningPublicKey key, Instant now, Writer out)
            throws IOException {
        ObjectNode header = JSON.createObjectNode();
        header.put("format", FORMAT);
        header.put("suite", suite.id().name());
        header.put("hashAlgorithm", suite.hashAlgorithm());
        header.put("signatureAlgorithm", suite.signatureAlgorithm());
        header.putObject("publicKey").put("keyId", key.keyId()).put("publicKey", key.toBase64());
        header.put("exportedAt", now.toString());
        out.write(JSON.writeValueAsString(header));
        out.write('\n');
        long[] count = {0};
        store.forEachLeaf(0, leaf -> {
            try {
                out.write(leaf.entry());
                out.write('\n');
                count[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Optional<SignedTreeHead> head = store.latestTreeHead();
        if (head.isPresent()) {
            ObjectNode last = JSON.createObjectNode();
            last.set("treeHead", Receipt.treeHeadJson(head.get()));
            out.write(JSON.writeValueAsString(last));
            out.write('\n');
        }
        return count[0];
    }
}
