package city.tds.governance.grade;

import city.tds.core.Problem;
import city.tds.core.Result;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A rule set that proposes grades after GB/T 43697-2024, read from YAML so that an operator can edit it (the default
 * set ships as {@code gbt-43697-2024.yaml} beside this class). Column rules fire on sensitive kinds found in a column's
 * values or on keywords in its name; resource rules fire on the scale of a category or on kinds found together. The
 * highest grade wins; every rule that fired is listed with the grade so that a reviewer sees why.
 *
 * <p>Schema: {@code minConfidence} (0..1), {@code default} ({@code grade}, {@code category}, {@code because}),
 * {@code columns} (a list of {@code id}, {@code kinds} and/or {@code names}, {@code grade}, {@code category},
 * {@code because}), {@code resource} (a list of {@code id}, either {@code category} with {@code minDistinct} or
 * {@code allKinds}, {@code grade}, {@code because}).
 */
public final class GradingRules {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String DEFAULT_RESOURCE = "gbt-43697-2024.yaml";
    private static final Set<String> TOP_KEYS = Set.of("minConfidence", "default", "columns", "resource");
    private static final Set<String> DEFAULT_KEYS = Set.of("grade", "category", "because");
    private static final Set<String> COLUMN_KEYS = Set.of("id", "kinds", "names", "grade", "category", "because");
    private static final Set<String> RESOURCE_KEYS =
            Set.of("id", "category", "minDistinct", "allKinds", "grade", "because");

    private final double minConfidence;
    private final ColumnRule fallback;
    private final List<ColumnRule> columnRules;
    private final List<ResourceRule> resourceRules;

    private GradingRules(
            double minConfidence, ColumnRule fallback, List<ColumnRule> columnRules, List<ResourceRule> resourceRules) {
        this.minConfidence = minConfidence;
        this.fallback = fallback;
        this.columnRules = List.copyOf(columnRules);
        this.resourceRules = List.copyOf(resourceRules);
    }

    /** The rule set shipped with TDS. */
    public static GradingRules standard() {
        try (InputStream in = GradingRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a rule set; a problem names the key that is wrong, e.g. {@code columns[2].grade}. */
    public static Result<GradingRules> parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return invalid("the grading rules are not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (root == null || !root.isObject()) {
                throw new RuleError("", "the grading rules must be a mapping with columns, resource and default");
            }
            keys(root, "", TOP_KEYS);
            double confidence = root.has("minConfidence") ? fraction(root.get("minConfidence"), "minConfidence") : 0.5;
            JsonNode d = required(root, "default", "");
            keys(d, "default", DEFAULT_KEYS);
            ColumnRule fallback = new ColumnRule(
                    "default",
                    List.of(),
                    List.of(),
                    grade(required(d, "grade", "default"), "default.grade"),
                    text(d, "category", "default", false),
                    text(d, "because", "default", true));
            List<ColumnRule> columns = new ArrayList<>();
            JsonNode list = list(root, "columns");
            for (int i = 0; i < list.size(); i++) {
                columns.add(columnRule(list.get(i), "columns[" + i + "]"));
            }
            List<ResourceRule> resource = new ArrayList<>();
            JsonNode rlist = list(root, "resource");
            for (int i = 0; i < rlist.size(); i++) {
                resource.add(resourceRule(rlist.get(i), "resource[" + i + "]"));
            }
            return Result.ok(new GradingRules(confidence, fallback, columns, resource));
        } catch (RuleError e) {
            return invalid((e.path.isEmpty() ? "" : e.path + ": ") + e.getMessage());
        }
    }

    /** Proposes a grade for each column and for the resource they make up. */
    public ResourceGrading propose(List<ColumnFacts> columns) {
        Map<String, GradeProposal> byColumn = new LinkedHashMap<>();
        List<GradeProposal.FiredRule> all = new ArrayList<>();
        Grade resourceGrade = fallback.grade();
        String resourceCategory = fallback.category();
        for (ColumnFacts column : columns) {
            GradeProposal proposal = proposeColumn(column);
            byColumn.put(column.name(), proposal);
            if (proposal.grade().compareTo(resourceGrade) > 0) {
                resourceGrade = proposal.grade();
                resourceCategory = proposal.category();
            }
            proposal.fired().stream().filter(f -> !f.id().equals("default")).forEach(all::add);
        }
        for (ResourceRule rule : resourceRules) {
            String on = rule.firesOn(columns, byColumn, minConfidence);
            if (on != null) {
                all.add(new GradeProposal.FiredRule(rule.id(), rule.grade(), rule.because(), on));
                if (rule.grade().compareTo(resourceGrade) > 0) {
                    resourceGrade = rule.grade();
                    resourceCategory = rule.category().isEmpty() ? resourceCategory : rule.category();
                }
            }
        }
        if (all.isEmpty()) {
            all.add(new GradeProposal.FiredRule("default", fallback.grade(), fallback.because(), ""));
        }
        all.sort(Comparator.comparing(GradeProposal.FiredRule::grade).reversed());
        return new ResourceGrading(new GradeProposal(resourceGrade, resourceCategory, all), byColumn);
    }

    private GradeProposal proposeColumn(ColumnFacts column) {
        List<ColumnRule> fired = new ArrayList<>();
        for (ColumnRule rule : columnRules) {
            if (rule.firesOn(column, minConfidence)) {
                fired.add(rule);
            }
        }
        if (fired.isEmpty()) {
            fired.add(fallback);
        }
        fired.sort(Comparator.comparing(ColumnRule::grade).reversed());
        ColumnRule deciding = fired.get(0);
        return new GradeProposal(
                deciding.grade(),
                deciding.category(),
                fired.stream()
                        .map(r -> new GradeProposal.FiredRule(r.id(), r.grade(), r.because(), column.name()))
                        .toList());
    }

    private static ColumnRule columnRule(JsonNode node, String path) {
        keys(node, path, COLUMN_KEYS);
        List<String> kinds = strings(node, "kinds", path);
        List<String> names = strings(node, "names", path).stream()
                .map(n -> n.toLowerCase(Locale.ROOT))
                .toList();
        if (kinds.isEmpty() && names.isEmpty()) {
            throw new RuleError(path, "a column rule needs kinds or names to fire on");
        }
        return new ColumnRule(
                text(node, "id", path, true),
                kinds,
                names,
                grade(required(node, "grade", path), path + ".grade"),
                text(node, "category", path, false),
                text(node, "because", path, true));
    }

    private static ResourceRule resourceRule(JsonNode node, String path) {
        keys(node, path, RESOURCE_KEYS);
        List<String> allKinds = strings(node, "allKinds", path);
        String category = text(node, "category", path, false);
        long minDistinct = 0;
        if (node.has("minDistinct")) {
            JsonNode n = node.get("minDistinct");
            if (!n.canConvertToLong() || n.asLong() < 1) {
                throw new RuleError(path + ".minDistinct", "must be a positive whole number, got " + n);
            }
            minDistinct = n.asLong();
        }
        if (allKinds.isEmpty() == (category.isEmpty() || minDistinct == 0)) {
            throw new RuleError(path, "a resource rule has either category with minDistinct, or allKinds");
        }
        return new ResourceRule(
                text(node, "id", path, true),
                category,
                minDistinct,
                allKinds,
                grade(required(node, "grade", path), path + ".grade"),
                text(node, "because", path, true));
    }

    private static void keys(JsonNode node, String path, Set<String> allowed) {
        if (!node.isObject()) {
            throw new RuleError(path, "must be a mapping");
        }
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                throw new RuleError(
                        path.isEmpty() ? k : path + "." + k,
                        "unknown key; known: " + allowed.stream().sorted().toList());
            }
        });
    }

    private static JsonNode required(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new RuleError(path.isEmpty() ? key : path + "." + key, "is required");
        }
        return value;
    }

    private static JsonNode list(JsonNode root, String key) {
        JsonNode value = root.get(key);
        if (value == null || value.isNull()) {
            return YAML.createArrayNode();
        }
        if (!value.isArray()) {
            throw new RuleError(key, "must be a list");
        }
        return value;
    }

    private static List<String> strings(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new RuleError(path + "." + key, "must be a list of text");
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual() || value.get(i).asText().isBlank()) {
                throw new RuleError(path + "." + key + "[" + i + "]", "must be non-blank text");
            }
            result.add(value.get(i).asText().strip());
        }
        return result;
    }

    private static String text(JsonNode node, String key, String path, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                throw new RuleError(path + "." + key, "is required");
            }
            return "";
        }
        if (!value.isTextual()) {
            throw new RuleError(path + "." + key, "must be text, got " + value);
        }
        return value.asText().strip();
    }

    private static Grade grade(JsonNode node, String path) {
        try {
            return Grade.parse(node.asText());
        } catch (IllegalArgumentException e) {
            throw new RuleError(path, e.getMessage());
        }
    }

    private static double fraction(JsonNode node, String path) {
        if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 1) {
            throw new RuleError(path, "must be a number from 0 to 1, got " + node);
        }
        return node.asDouble();
    }

    private static Result<GradingRules> invalid(String detail) {
        return Result.fail(Problem.invalidInput("grading-rules-invalid", detail));
    }

    private static final class RuleError extends RuntimeException {
        final String path;

        RuleError(String path, String message) {
            super(message, null, false, false);
            this.path = path;
        }
    }
}
