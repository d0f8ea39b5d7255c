package city.tds.governance.mask;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the parameters of one column's rule, noting every problem, with the key path of the parameter, in a shared
 * list rather than stopping at the first one.
 */
final class RuleReader {

    private final String path;
    private final MaskingRule rule;
    private final List<String> errors;

    RuleReader(String path, MaskingRule rule, List<String> errors) {
        this.path = path;
        this.rule = rule;
        this.errors = errors;
    }

    String path() {
        return path;
    }

    boolean has(String name) {
        return rule.parameters().containsKey(name);
    }

    void error(String name, String message) {
        errors.add(path + "." + name + ": " + message);
    }

    int integer(String name, int fallback, int minimum) {
        String text = rule.parameters().get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= minimum) {
                return value;
            }
        } catch (NumberFormatException notAnInteger) {
            // reported below
        }
        error(
                name,
                (minimum == 0 ? "must be a non-negative integer" : "must be an integer of at least " + minimum)
                        + ", got " + quoted(text));
        return fallback;
    }

    char character(String name, char fallback) {
        String text = rule.parameters().get(name);
        if (text == null) {
            return fallback;
        }
        if (text.length() != 1 || Character.isSurrogate(text.charAt(0))) {
            error(name, "must be a single character, got " + quoted(text));
            return fallback;
        }
        return text.charAt(0);
    }

    String text(String name, String fallback) {
        String text = rule.parameters().get(name);
        return text == null ? fallback : text;
    }

    /** The parameter's text, or {@code null} after noting that it is missing. */
    String required(String name) {
        String text = rule.parameters().get(name);
        if (text == null || text.isBlank()) {
            error(name, "required for " + rule.algorithm());
            return null;
        }
        return text;
    }

    <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        String text = fallback == null ? required(name) : rule.parameters().get(name);
        if (text == null) {
            return fallback;
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String choice = constant.name().toLowerCase(Locale.ROOT);
            if (choice.equals(text.strip().toLowerCase(Locale.ROOT))) {
                return constant;
            }
            names.add(choice);
        }
        error(name, "must be one of " + String.join(", ", names) + ", got " + quoted(text));
        return fallback;
    }

    static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
