package city.tds.evidence.receipt;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.CryptoSuites;
import city.tds.crypto.SigningPublicKey;
import city.tds.crypto.SuiteId;
import city.tds.evidence.log.SignedTreeHead;
import city.tds.evidence.record.EvidenceRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything a party needs to check, offline, that a record is in the log: the record, its inclusion proof, a signed
 * tree head covering it, and the public key that signed the head.
 *
 * <pre>{@code
 * {"format":"tds-evidence-receipt/1","suite":"GM","hashAlgorithm":"SM3","signatureAlgorithm":"SM2-SM3",
 *  "record":{...},"leafIndex":42,"inclusionProof":["<hex>",...],
 *  "treeHead":{"treeSize":100,"timestamp":"...","timestampMillis":1796111827000,"rootHash":"<hex>",
 *              "keyId":"<hex>","signature":"<base64>"},
 *  "publicKey":{"keyId":"<hex>","publicKey":"<base64>"}}
 * }</pre>
 */
public record Receipt(
        SuiteId suite,
        EvidenceRecord record,
        List<byte[]> inclusionProof,
        SignedTreeHead treeHead,
        SigningPublicKey key) {

    public static final String FORMAT = "tds-evidence-receipt/1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    public Receipt {
        inclusionProof = List.copyOf(inclusionProof);
    }

    public ObjectNode toJson() {
        CryptoSuite crypto = CryptoSuites.create(suite, new SecureRandom());
        ObjectNode json = JSON.createObjectNode();
        json.put("format", FORMAT);
        json.put("suite", suite.name());
        json.put("hashAlgorithm", crypto.hashAlgorithm());
        json.put("signatureAlgorithm", crypto.signatureAlgorithm());
        json.set("record", record.toJson());
        json.put("leafIndex", record.seq());
        ArrayNode path = json.putArray("inclusionProof");
        inclusionProof.forEach(h -> path.add(HEX.formatHex(h)));
        json.set("treeHead", treeHeadJson(treeHead));
        ObjectNode publicKey = json.putObject("publicKey");
        publicKey.put("keyId", key.keyId());
        publicKey.put("publicKey", key.toBase64());
        return json;
    }

    public static ObjectNode treeHeadJson(SignedTreeHead head) {
        ObjectNode json = JSON.createObjectNode();
        json.put("treeSize", head.treeSize());
        json.put("timestamp", head.timestamp().toString());
        json.put("timestampMillis", head.timestamp().toEpochMilli());
        json.put("rootHash", HEX.formatHex(head.rootHash()));
        json.put("keyId", head.keyId());
        json.put("signature", Base64.getEncoder().encodeToString(head.signature()));
        return json;
    }

    /**
     * Reads a receipt.
     *
     * @throws IllegalArgumentException naming the first thing that is malformed
     */
    public static Receipt fromJson(JsonNode json) {
        if (!FORMAT.equals(json.path("format").asText())) {
            throw new IllegalArgumentException("not a TDS evidence receipt (format " + json.path("format") + ")");
        }
        SuiteId suite = SuiteId.parse(json.path("suite").asText())
                .orElseThrow(() -> new IllegalArgumentException("unknown suite " + json.path("suite")));
        CryptoSuite crypto = CryptoSuites.create(suite, new SecureRandom());
        EvidenceRecord record = EvidenceRecord.fromJson(json.get("record"));
        if (json.path("leafIndex").asLong(-1) != record.seq()) {
            throw new IllegalArgumentException("leafIndex does not match the record's seq");
        }
        List<byte[]> path = new ArrayList<>();
        for (JsonNode hash : json.path("inclusionProof")) {
            path.add(hex(hash, "inclusionProof"));
        }
        JsonNode head = json.path("treeHead");
        SignedTreeHead treeHead = new SignedTreeHead(
                head.path("treeSize").asLong(-1),
                Instant.ofEpochMilli(head.path("timestampMillis").asLong()),
                hex(head.path("rootHash"), "treeHead.rootHash"),
                head.path("keyId").asText(),
                base64(head.path("signature"), "treeHead.signature"));
        SigningPublicKey key = crypto.readPublicKey(
                        base64(json.path("publicKey").path("publicKey"), "publicKey"))
                .orElseThrow(() -> new IllegalArgumentException("publicKey is not a " + suite + " public key"));
        return new Receipt(suite, record, path, treeHead, key);
    }

    private static byte[] hex(JsonNode node, String what) {
        try {
            return HEX.parseHex(node.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not hex");
        }
    }

    private static byte[] base64(JsonNode node, String what) {
        try {
            return Base64.getDecoder().decode(node.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64");
        }
    }
}
