package city.tds.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a policy's (or a rule's) {@code target}, {@code assigner} and {@code assignee}: one IRI each, as a string or
 * an object with a uid. Collections and refinements are refused. Values named on rules must agree with the policy's
 * (and with each other); a value named only on rules becomes the policy's.
 */
final class ReferenceParser {

    /** Which reference, and how its collections are refused. */
    enum Reference {
        TARGET(
                "target",
                "Asset",
                "AssetCollection",
                "asset collections are not supported: a TDS policy targets one product or resource"),
        ASSIGNER("assigner", "Party", "PartyCollection", "party collections are not supported: name one party"),
        ASSIGNEE(
                "assignee",
                "Party",
                "PartyCollection",
                "party collections are not supported: name one party and constrain recipients with odrl:recipient"
                        + " or the tds:recipient* operands");

        final String field;
        final String type;
        final String collectionType;
        final String collectionReason;

        Reference(String field, String type, String collectionType, String collectionReason) {
            this.field = field;
            this.type = type;
            this.collectionType = collectionType;
            this.collectionReason = collectionReason;
        }
    }

    /** A reference named on a rule rather than on the policy. */
    private record RuleReference(Reference reference, String value, String path) {}

    private final Findings findings;
    private final List<RuleReference> ruleReferences = new ArrayList<>();

    ReferenceParser(Findings findings) {
        this.findings = findings;
    }

    /** The IRI in a {@code uid} member, or {@code null} (reported when it is not a non-blank string). */
    String identifier(Members.Member member) {
        if (member == null) {
            return null;
        }
        if (!member.value().isTextual() || member.value().asText().isBlank()) {
            findings.invalid(member.path(), member.key(), "a uid is an IRI string");
            return null;
        }
        return member.value().asText();
    }

    /** The policy-level reference in {@code member}, or {@code null}. */
    String read(Members.Member member, Reference reference) {
        if (member == null) {
            return null;
        }
        JsonNode value = member.value();
        if (value.isArray()) {
            if (value.size() != 1) {
                findings.outsideSubset(member.path(), reference.field, reference.collectionReason);
                return null;
            }
            return value(value.get(0), Findings.child(member.path(), 0), reference);
        }
        return value(value, member.path(), reference);
    }

    /** Reads the references a rule names, to be {@linkplain #reconcile reconciled} with the policy's. */
    void readOnRule(Members rule) {
        for (Reference reference : Reference.values()) {
            Members.Member member = rule.get(reference.field);
            String value = read(member, reference);
            if (value != null) {
                ruleReferences.add(new RuleReference(reference, value, member.path()));
            }
        }
    }

    /** The policy-level value, checked against (or, when absent, taken from) the values its rules name. */
    String reconcile(Reference reference, String policyValue) {
        String value = policyValue;
        for (RuleReference named : ruleReferences) {
            if (named.reference() != reference) {
                continue;
            }
            if (value == null) {
                value = named.value();
            } else if (!value.equals(named.value())) {
                findings.outsideSubset(
                        named.path(),
                        reference.field,
                        "a TDS policy has one " + reference.field + ": '" + named.value() + "' differs from '" + value
                                + "' named " + (policyValue == null ? "by another rule" : "by the policy"));
            }
        }
        return value;
    }

    private String value(JsonNode value, String path, Reference reference) {
        if (value.isTextual() && !value.asText().isBlank()) {
            return value.asText();
        }
        if (!value.isObject()) {
            findings.invalid(path, reference.field, "a " + reference.field + " is an IRI or an object with a uid");
            return null;
        }
        Members members = Members.of(value, path, findings);
        String refinement =
                "refinements of a " + reference.field + " are not supported; put the constraint on the rule";
        members.refuseOthers(
                List.of("@type", "uid"),
                Map.of(
                        "refinement", refinement,
                        "partOf", reference.collectionReason,
                        "source", reference.collectionReason),
                reference.field,
                findings);
        Members.Member type = members.get("@type");
        if (type != null) {
            String text = ConstraintParser.localTerm(ConstraintParser.termText(type.value()));
            if (reference.collectionType.equals(text)) {
                findings.outsideSubset(type.path(), reference.collectionType, reference.collectionReason);
            } else if (!reference.type.equals(text)) {
                findings.invalid(
                        type.path(),
                        type.value().toString(),
                        "a " + reference.field + "'s @type can only be " + reference.type);
            }
        }
        String uid = identifier(members.get("uid"));
        if (uid == null && !members.has("uid")) {
            findings.invalid(path, reference.field, "a " + reference.field + " object needs a uid");
        }
        return uid;
    }
}
