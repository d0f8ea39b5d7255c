package city.tds.governance.quality;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of one rule in a rule file, read with the path of each parameter in error messages, e.g.
 * {@code rules[3].min: must be a number or a date, got "abc"}.
 */
final class RuleParameters {

    private final String path;
    private final String kind;
    private final Map<String, Object> values;
    private final List<String> errors;

    RuleParameters(String path, String kind, Map<String, Object> values, List<String> errors) {
        this.path = path;
        this.kind = kind;
        this.values = values;
        this.errors = errors;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path + "." + key;
    }

    void error(String key, String message) {
        errors.add((key == null ? path : path(key)) + ": " + message);
    }

    /** Reports every parameter the rule does not know; {@code rule} itself is always known. */
    void rejectUnknown(Set<String> known) {
        for (String key : values.keySet()) {
            if (!key.equals("rule") && !known.contains(key)) {
                error(
                        key,
                        "unknown parameter of " + kind + " (known: "
                                + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** The scalar under {@code key}, or {@code null} after reporting it missing or not a scalar. */
    YamlTree.Scalar requiredScalar(String key) {
        if (!values.containsKey(key)) {
            error(key, "missing, " + kind + " needs it");
            return null;
        }
        return optionalScalar(key);
    }

    /** The scalar under {@code key}, or {@code null} when absent or after reporting it is not a non-null scalar. */
    YamlTree.Scalar optionalScalar(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof YamlTree.Scalar scalar) || scalar.isNull()) {
            error(key, "must be a single value");
            return null;
        }
        return scalar;
    }

    /** A column name under {@code key}, or {@code null} after reporting the problem. */
    String column(String key) {
        YamlTree.Scalar scalar = requiredScalar(key);
        if (scalar == null) {
            return null;
        }
        if (scalar.text().isBlank()) {
            error(key, "must name a column");
            return null;
        }
        return scalar.text();
    }

    /** The list under {@code key}, or {@code null} after reporting it missing or not a list. */
    List<?> requiredList(String key) {
        Object value = values.get(key);
        if (!values.containsKey(key)) {
            error(key, "missing, " + kind + " needs it");
            return null;
        }
        if (!(value instanceof List<?> list)) {
            error(key, "must be a list");
            return null;
        }
        return list;
    }

    /** {@code mostly}: a share from 0 to 1, 1.0 when absent. */
    double mostly() {
        YamlTree.Scalar scalar = optionalScalar("mostly");
        if (scalar == null) {
            return 1.0;
        }
        double mostly = DecimalParser.parse(scalar.text());
        if (Double.isNaN(mostly) || mostly < 0 || mostly > 1) {
            error("mostly", "must be a number from 0 to 1, got \"" + scalar.text() + "\"");
            return 1.0;
        }
        return mostly;
    }
}
