package city.tds.evidence.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One entry of the evidence log, as hashed into the tree: version, sequence number, type, time, actor, subjects,
 * parties and the payload digest. Its canonical bytes ({@link #canonicalBytes()}, RFC 8785) are the Merkle leaf entry,
 * so the leaf hash is {@code H(0x00 || canonicalBytes)}.
 *
 * <p>Example: <code>{"actor":{"participant":"p-1","user":"u-7"},"parties":["p-1"],"payloadDigest":"66c7...",
 * "seq":42,"subjects":["application:a-1"],"time":"2026-12-01T08:00:00.123456Z","type":"participant.approved","v":1}
 * </code>
 */
public record EvidenceRecord(
        long seq,
        String type,
        Instant time,
        String actorParticipant,
        String actorUser,
        List<String> subjects,
        List<String> parties,
        String payloadDigest) {

    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public EvidenceRecord {
        if (seq < 0) {
            throw new IllegalArgumentException("sequence numbers start at 0");
        }
        Objects.requireNonNull(type, "type");
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MICROS);
        subjects = List.copyOf(subjects);
        parties = List.copyOf(new TreeSet<>(parties));
        Objects.requireNonNull(payloadDigest, "payloadDigest");
    }

    public ObjectNode toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", VERSION);
        node.put("seq", seq);
        node.put("type", type);
        node.put("time", time.toString());
        ObjectNode actor = node.putObject("actor");
        if (actorParticipant != null) {
            actor.put("participant", actorParticipant);
        }
        if (actorUser != null) {
            actor.put("user", actorUser);
        }
        ArrayNode subjectArray = node.putArray("subjects");
        subjects.forEach(subjectArray::add);
        ArrayNode partyArray = node.putArray("parties");
        parties.forEach(partyArray::add);
        node.put("payloadDigest", payloadDigest);
        return node;
    }

    public byte[] canonicalBytes() {
        return CanonicalJson.encode(toJson());
    }

    /** Reads a record from its canonical bytes (as stored) and checks that they are canonical. */
    public static EvidenceRecord fromCanonicalBytes(byte[] bytes) {
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        EvidenceRecord record = fromJson(node);
        if (!Arrays.equals(record.canonicalBytes(), bytes)) {
            throw new IllegalArgumentException("the record is not in canonical form");
        }
        return record;
    }

    /** Reads a record from its JSON, refusing unknown or missing members. */
    public static EvidenceRecord fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a record is a JSON object");
        }
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (!List.of("v", "seq", "type", "time", "actor", "subjects", "parties", "payloadDigest")
                    .contains(name)) {
                throw new IllegalArgumentException("unknown record member '" + name + "'");
            }
        }
        if (node.path("v").asInt(-1) != VERSION) {
            throw new IllegalArgumentException("unsupported record version " + node.path("v"));
        }
        JsonNode seq = node.path("seq");
        if (!seq.canConvertToExactIntegral()) {
            throw new IllegalArgumentException("seq must be an integer");
        }
        JsonNode actor = node.path("actor");
        try {
            return new EvidenceRecord(
                    seq.longValue(),
                    text(node, "type"),
                    Instant.parse(text(node, "time")),
                    actor.hasNonNull("participant") ? actor.get("participant").asText() : null,
                    actor.hasNonNull("user") ? actor.get("user").asText() : null,
                    strings(node, "subjects"),
                    strings(node, "parties"),
                    text(node, "payloadDigest"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time is not an ISO-8601 instant: " + node.path("time"));
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(name + " must be a string");
        }
        return value.textValue();
    }

    private static List<String> strings(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException(name + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException(name + " must be an array of strings");
            }
            out.add(item.textValue());
        }
        return out;
    }
}
