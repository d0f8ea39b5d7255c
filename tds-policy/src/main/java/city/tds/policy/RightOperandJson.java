package city.tds.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Writes right operands in their canonical JSON-LD form. */
final class RightOperandJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RightOperandJson() {}

    static void write(ObjectNode constraint, Operator operator, RightOperand value) {
        List<JsonNode> values = values(value);
        if (operator.takesSet()) {
            ArrayNode array = constraint.putArray("rightOperand");
            values.forEach(array::add);
        } else {
            constraint.set("rightOperand", values.get(0));
        }
    }

    private static List<JsonNode> values(RightOperand value) {
        List<JsonNode> nodes = new ArrayList<>();
        if (value instanceof RightOperand.TextValues text) {
            text.values().forEach(v -> nodes.add(NODES.textNode(v)));
        } else if (value instanceof RightOperand.RegionValues regions) {
            regions.codes().forEach(code -> nodes.add(NODES.textNode(code.code())));
        } else if (value instanceof RightOperand.DeliveryModeValues modes) {
            modes.modes().forEach(mode -> nodes.add(NODES.objectNode().put("@id", mode.term())));
        } else if (value instanceof RightOperand.InstantValue instant) {
            nodes.add(typed(instant.value().toString(), "xsd:dateTime"));
        } else if (value instanceof RightOperand.DurationValue duration) {
            nodes.add(typed(Durations.format(duration.value()), "xsd:duration"));
        } else if (value instanceof RightOperand.IntegerValue integer) {
            nodes.add(NODES.numberNode(integer.value()));
        } else if (value instanceof RightOperand.DecimalValue decimal) {
            nodes.add(typed(decimal.value().toPlainString(), "xsd:decimal"));
        }
        return nodes;
    }

    private static ObjectNode typed(String lexical, String type) {
        ObjectNode node = NODES.objectNode();
        node.put("@value", lexical);
        node.put("@type", type);
        return node;
    }
}
