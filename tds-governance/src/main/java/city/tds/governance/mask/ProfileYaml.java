package city.tds.governance.mask;

import city.tds.core.Result;
import city.tds.crypto.SuiteId;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a masking profile from YAML and writes one back. */
final class ProfileYaml {

    private static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ProfileYaml() {}

    static Result<MaskingProfile> read(String yaml) {
        try {
            return read(MAPPER.readTree(yaml));
        } catch (JsonProcessingException e) {
            return MaskingProfile.invalid(List.of("not valid YAML: " + e.getOriginalMessage() + location(e)));
        }
    }

    static Result<MaskingProfile> read(InputStream yaml) {
        try {
            return read(MAPPER.readTree(yaml));
        } catch (JsonProcessingException e) {
            return MaskingProfile.invalid(List.of("not valid YAML: " + e.getOriginalMessage() + location(e)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    private static Result<MaskingProfile> read(JsonNode root) {
        List<String> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return MaskingProfile.invalid(List.of("(profile): must be a mapping with suite and columns"));
        }
        SuiteId suite = SuiteId.GM;
        Map<String, MaskingRule> columns = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            switch (field.getKey()) {
                case "suite" -> {
                    JsonNode node = field.getValue();
                    suite = node.isTextual() ? SuiteId.parse(node.asText()).orElse(null) : null;
                    if (suite == null) {
                        errors.add("suite: must be GM or INTL, got " + RuleReader.quoted(text(node)));
                    }
                }
                case "columns" -> readColumns(field.getValue(), columns, errors);
                default -> errors.add(field.getKey() + ": unknown key; a masking profile has suite and columns");
            }
        }
        if (!root.has("columns")) {
            errors.add("columns: required, a mapping of column names to rules");
        }
        if (!errors.isEmpty()) {
            return MaskingProfile.invalid(errors);
        }
        return MaskingProfile.of(suite, columns);
    }

    private static void readColumns(JsonNode node, Map<String, MaskingRule> columns, List<String> errors) {
        if (!node.isObject()) {
            errors.add("columns: must be a mapping of column names to rules");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> column = it.next();
            String path = "columns." + column.getKey();
            JsonNode rule = column.getValue();
            if (rule.isTextual()) {
                columns.put(column.getKey(), MaskingRule.of(rule.asText()));
                continue;
            }
            if (!rule.isObject()) {
                errors.add(path + ": must be a mapping with an algorithm, or an algorithm's name");
                continue;
            }
            JsonNode algorithm = rule.get("algorithm");
            if (algorithm == null
                    || !algorithm.isTextual()
                    || algorithm.asText().isBlank()) {
                errors.add(path + ".algorithm: required, one of " + String.join(", ", AlgorithmCatalog.names()));
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> p = rule.fields(); p.hasNext(); ) {
                Map.Entry<String, JsonNode> parameter = p.next();
                if (parameter.getKey().equals("algorithm")) {
                    continue;
                }
                String value = parameterText(parameter.getValue());
                if (value == null) {
                    errors.add(path + "." + parameter.getKey() + ": must be a single value or a list of values");
                } else {
                    parameters.put(parameter.getKey(), value);
                }
            }
            columns.put(column.getKey(), new MaskingRule(algorithm.asText(), parameters));
        }
    }

    /** A scalar as its text; a list of scalars joined with commas ({@code ranges: [4-7, 10-11]}). */
    private static String parameterText(JsonNode value) {
        if (value.isValueNode() && !value.isNull()) {
            return value.asText();
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode element : value) {
                if (!element.isValueNode() || element.isNull()) {
                    return null;
                }
                parts.add(element.asText());
            }
            return String.join(",", parts);
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }

    static String write(MaskingProfile profile) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("suite", profile.suite().name());
        ObjectNode columns = root.putObject("columns");
        profile.columns().forEach((name, rule) -> {
            ObjectNode node = columns.putObject(name);
            node.put("algorithm", rule.algorithm());
            rule.parameters().forEach((parameter, value) -> {
                if (value.matches("-?[0-9]{1,9}")) {
                    node.put(parameter, Integer.parseInt(value));
                } else {
                    node.put(parameter, value);
                }
            });
        });
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of text and numbers always writes", e);
        }
    }
}
