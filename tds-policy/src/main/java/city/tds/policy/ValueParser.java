package city.tds.policy;

import city.tds.core.Result;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a constraint's {@code rightOperand}: plain JSON values, {@code {"@value": …, "@type": …}} objects or
 * {@code {"@id": …}} references, one value or an array of them, typed by the left operand.
 */
final class ValueParser {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    /** One value as written: its lexical form, whether it was a JSON number or an {@code @id}, its xsd type. */
    private record Literal(String lexical, boolean number, boolean iri, String xsdType, JsonNode json, String path) {}

    private final Findings findings;
    private final JsonLdContext context;

    ValueParser(Findings findings, JsonLdContext context) {
        this.findings = findings;
        this.context = context;
    }

    /**
     * The right operand, or {@code null} after reporting why it cannot be read.
     *
     * @param operator the constraint's operator, {@code null} when it was not understood
     * @param declaredXsdType the local name of the constraint's {@code dataType}, or {@code null}
     */
    RightOperand read(LeftOperand operand, Operator operator, JsonNode node, String path, String declaredXsdType) {
        List<JsonNode> items = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                items.add(node.get(i));
                paths.add(Findings.child(path, i));
            }
        } else {
            items.add(node);
            paths.add(path);
        }
        if (items.isEmpty()) {
            findings.invalid(path, operand.term(), "the right operand needs at least one value");
            return null;
        }
        if (items.size() > PolicyLimits.MAX_VALUES) {
            findings.outsideSubset(
                    path, "rightOperand", "a right operand may have at most " + PolicyLimits.MAX_VALUES + " values");
            return null;
        }
        boolean single = operator == null ? !isSetValued(operand) : !operator.takesSet();
        if (single && items.size() != 1) {
            findings.invalid(
                    path,
                    operand.term(),
                    (operator == null ? operand.term() : operator.localName()) + " takes a single value; got "
                            + items.size());
            return null;
        }
        int before = findings.count();
        List<Literal> literals = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Literal literal = literal(operand, items.get(i), paths.get(i), declaredXsdType);
            if (literal != null) {
                literals.add(literal);
            }
        }
        if (findings.count() > before) {
            return null;
        }
        return typed(operand, literals, before);
    }

    private static boolean isSetValued(LeftOperand operand) {
        return operand.allowedOperators().stream().anyMatch(Operator::takesSet);
    }

    private Literal literal(LeftOperand operand, JsonNode item, String path, String declaredXsdType) {
        if (item.isTextual()) {
            return new Literal(item.asText(), false, false, declaredXsdType, item, path);
        }
        if (item.isNumber()) {
            return new Literal(item.asText(), true, false, declaredXsdType, item, path);
        }
        if (item.isObject() && item.has("@value") && isOnly(item, "@value", "@type", "@language")) {
            JsonNode value = item.get("@value");
            if (!value.isTextual() && !value.isNumber()) {
                findings.invalid(path, operand.term(), "@value must be a string or a number");
                return null;
            }
            String xsdType = declaredXsdType;
            JsonNode type = item.get("@type");
            if (type != null) {
                xsdType = type.isTextual() ? context.xsdLocalName(type.asText()) : null;
                if (xsdType == null) {
                    findings.invalid(
                            Findings.child(path, "@type"),
                            type.asText(),
                            "unknown datatype; " + operand.term() + " takes "
                                    + operand.valueType().description());
                    return null;
                }
            }
            return new Literal(value.asText(), value.isNumber(), false, xsdType, value, path);
        }
        if (item.isObject() && item.has("@id") && isOnly(item, "@id")) {
            JsonNode id = item.get("@id");
            if (id.isTextual()) {
                return new Literal(id.asText(), false, true, null, id, path);
            }
        }
        findings.invalid(
                path,
                operand.term(),
                "a right operand value is a string, a number, {\"@value\": …, \"@type\": …} or {\"@id\": …}");
        return null;
    }

    private static boolean isOnly(JsonNode object, String... names) {
        int known = 0;
        for (String name : names) {
            if (object.has(name)) {
                known++;
            }
        }
        return known == object.size();
    }

    private RightOperand typed(LeftOperand operand, List<Literal> literals, int before) {
        ValueType type = operand.valueType();
        for (Literal literal : literals) {
            if (literal.xsdType() != null && !type.acceptsXsdType(literal.xsdType())) {
                findings.invalid(
                        literal.path(),
                        "xsd:" + literal.xsdType(),
                        operand.term() + " takes " + type.description() + "; got an xsd:" + literal.xsdType());
            }
        }
        if (findings.count() > before) {
            return null;
        }
        return switch (type) {
            case TEXT -> texts(operand, literals, before);
            case REGION_CODE -> regions(operand, literals, before);
            case DELIVERY_MODE -> deliveryModes(literals, before);
            case DATE_TIME -> instant(operand, literals.get(0));
            case DURATION -> duration(operand, literals.get(0));
            case NON_NEGATIVE_INTEGER -> integer(operand, literals.get(0));
            case DECIMAL -> decimal(operand, literals.get(0));
        };
    }

    private RightOperand texts(LeftOperand operand, List<Literal> literals, int before) {
        List<String> values = new ArrayList<>();
        for (Literal literal : literals) {
            if (literal.number()) {
                findings.invalid(literal.path(), operand.term(), operand.term() + " takes text; got a number");
            } else if (literal.lexical().isBlank()) {
                findings.invalid(literal.path(), operand.term(), "a value must not be blank");
            } else {
                values.add(literal.lexical());
            }
        }
        return findings.count() > before ? null : new RightOperand.TextValues(values);
    }

    private RightOperand regions(LeftOperand operand, List<Literal> literals, int before) {
        List<RegionCode> codes = new ArrayList<>();
        for (Literal literal : literals) {
            if (RegionCode.isValid(literal.lexical())) {
                codes.add(new RegionCode(literal.lexical()));
            } else {
                findings.invalid(
                        literal.path(),
                        operand.term(),
                        "'" + literal.lexical() + "' is not a GB/T 2260 region code: six digits such as 330106");
            }
        }
        return findings.count() > before ? null : new RightOperand.RegionValues(codes);
    }

    private RightOperand deliveryModes(List<Literal> literals, int before) {
        EnumSet<DeliveryMode> modes = EnumSet.noneOf(DeliveryMode.class);
        for (Literal literal : literals) {
            var mode = literal.number() ? null : DeliveryMode.fromTerm(context.expand(literal.lexical()));
            if (mode == null || mode.isEmpty()) {
                findings.invalid(
                        literal.path(),
                        literal.lexical(),
                        "unknown delivery mode; TDS knows " + ValueType.DELIVERY_MODE.description());
            } else {
                modes.add(mode.get());
            }
        }
        return findings.count() > before ? null : new RightOperand.DeliveryModeValues(modes);
    }

    private RightOperand instant(LeftOperand operand, Literal literal) {
        String text = literal.lexical();
        if (!literal.number() && !literal.iri()) {
            try {
                Instant instant = OffsetDateTime.parse(text).toInstant();
                return new RightOperand.InstantValue(instant);
            } catch (DateTimeParseException e) {
                if (hasNoOffset(text)) {
                    findings.invalid(
                            literal.path(),
                            operand.term(),
                            "'" + text + "' has no UTC offset; write e.g. " + text + "+08:00 or " + text + "Z");
                    return null;
                }
            }
        }
        findings.invalid(literal.path(), operand.term(), "'" + text + "' is not " + ValueType.DATE_TIME.description());
        return null;
    }

    private static boolean hasNoOffset(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private RightOperand duration(LeftOperand operand, Literal literal) {
        if (literal.number() || literal.iri()) {
            findings.invalid(
                    literal.path(), operand.term(), operand.term() + " takes " + ValueType.DURATION.description());
            return null;
        }
        Result<Duration> parsed = Durations.parse(literal.lexical());
        if (!parsed.isOk()) {
            findings.invalid(literal.path(), operand.term(), parsed.problem().detail());
            return null;
        }
        return new RightOperand.DurationValue(parsed.value());
    }

    private RightOperand integer(LeftOperand operand, Literal literal) {
        BigInteger value = null;
        if (literal.json().isIntegralNumber()) {
            value = literal.json().bigIntegerValue();
        } else if (!literal.number()
                && !literal.iri()
                && INTEGER.matcher(literal.lexical()).matches()) {
            value = new BigInteger(literal.lexical());
        }
        if (value == null) {
            findings.invalid(
                    literal.path(),
                    operand.term(),
                    operand.term() + " takes a non-negative integer; got '" + literal.lexical() + "'");
            return null;
        }
        if (value.signum() < 0) {
            findings.invalid(literal.path(), operand.term(), operand.term() + " must not be negative; got " + value);
            return null;
        }
        if (value.bitLength() > 63) {
            findings.invalid(literal.path(), operand.term(), operand.term() + " is too large: " + value);
            return null;
        }
        return new RightOperand.IntegerValue(value.longValueExact());
    }

    private RightOperand decimal(LeftOperand operand, Literal literal) {
        BigDecimal value = null;
        if (literal.number()) {
            value = literal.json().decimalValue();
        } else if (!literal.iri() && DECIMAL.matcher(literal.lexical()).matches()) {
            value = new BigDecimal(literal.lexical());
        }
        if (value == null) {
            findings.invalid(
                    literal.path(),
                    operand.term(),
                    operand.term() + " takes " + ValueType.DECIMAL.description() + "; got '" + literal.lexical() + "'");
            return null;
        }
        if (value.signum() < 0) {
            findings.invalid(literal.path(), operand.term(), operand.term() + " must not be negative; got " + value);
            return null;
        }
        return new RightOperand.DecimalValue(value);
    }
}
