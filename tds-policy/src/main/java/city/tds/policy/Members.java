package city.tds.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members of one JSON-LD object under their canonical names: {@code odrl:permission} and the full ODRL IRI become
 * {@code permission}, {@code type} becomes {@code @type}, {@code @id} becomes {@code uid}, the RDF IRI of
 * {@code value} becomes {@code rdf:value}. Remembers each member's original key for JSON pointers.
 */
final class Members {

    record Member(String key, JsonNode value, String path) {}

    private final Map<String, Member> members = new LinkedHashMap<>();
    private final String path;

    private Members(String path) {
        this.path = path;
    }

    static Members of(JsonNode object, String path, Findings findings) {
        Members result = new Members(path);
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String key = field.getKey();
            String name = canonical(key);
            Member member = new Member(key, field.getValue(), Findings.child(path, key));
            Member earlier = result.members.putIfAbsent(name, member);
            if (earlier != null) {
                findings.invalid(
                        member.path(),
                        key,
                        "'" + name + "' is given twice (as '" + earlier.key() + "' and '" + key + "')");
            }
        }
        return result;
    }

    static String canonical(String key) {
        if (key.equals("type")) {
            return "@type";
        }
        if (key.equals("@id")) {
            return "uid";
        }
        if (key.startsWith("odrl:")) {
            return canonical(key.substring("odrl:".length()));
        }
        if (key.startsWith(PolicyNamespaces.ODRL)) {
            return canonical(key.substring(PolicyNamespaces.ODRL.length()));
        }
        if (key.equals(PolicyNamespaces.RDF + "value")) {
            return "rdf:value";
        }
        return key;
    }

    Member get(String name) {
        return members.get(name);
    }

    JsonNode value(String name) {
        Member member = members.get(name);
        return member == null ? null : member.value();
    }

    boolean has(String name) {
        return members.containsKey(name);
    }

    String path() {
        return path;
    }

    /**
     * Reports every member that is neither {@code allowed} nor given a specific reason in {@code refused}; members in
     * {@code refused} are reported with that reason. All are outside the subset.
     */
    void refuseOthers(List<String> allowed, Map<String, String> refused, String level, Findings findings) {
        for (Map.Entry<String, Member> entry : members.entrySet()) {
            String name = entry.getKey();
            Member member = entry.getValue();
            if (allowed.contains(name)) {
                continue;
            }
            String reason = refused.get(name);
            if (reason == null) {
                reason = "not part of the TDS policy subset; a " + level + " may have " + String.join(", ", allowed);
            }
            findings.outsideSubset(member.path(), member.key(), reason);
        }
    }
}
