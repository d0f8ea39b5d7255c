package city.tds.governance.quality;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Turns the parsed YAML of a rule file into {@link Rule}s, collecting every error with its path. */
final class RuleFileReader {

    /** The rules a file may use, with the parameters each takes. */
    static final Map<String, Set<String>> PARAMETERS = Map.of(
            "not-null", Set.of("column", "mostly"),
            "unique", Set.of("column", "mostly"),
            "in-set", Set.of("column", "values", "mostly"),
            "between", Set.of("column", "min", "max", "mostly"),
            "matches", Set.of("column", "pattern", "mostly"),
            "row-count-between", Set.of("min", "max"),
            "compound-unique", Set.of("columns", "mostly"),
            "freshness", Set.of("column", "max-age"));

    private final List<String> errors = new ArrayList<>();

    /** The errors found so far, each starting with its path. */
    List<String> errors() {
        return errors;
    }

    /** The rules of the document; check {@link #errors()} afterwards. */
    List<Rule> read(Object document) {
        List<Rule> rules = new ArrayList<>();
        if (!(document instanceof Map<?, ?> root)) {
            errors.add("the document must be a mapping with a \"rules\" list");
            return rules;
        }
        for (Object key : root.keySet()) {
            if (!"rules".equals(key)) {
                errors.add(key + ": unknown key (known: rules)");
            }
        }
        Object list = root.get("rules");
        if (list == null) {
            errors.add("rules: missing, or not a list");
            return rules;
        }
        if (!(list instanceof List<?> entries)) {
            errors.add("rules: must be a list of rules");
            return rules;
        }
        for (int i = 0; i < entries.size(); i++) {
            Rule rule = rule("rules[" + i + "]", entries.get(i));
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    @SuppressWarnings("unchecked")
    private Rule rule(String path, Object entry) {
        if (!(entry instanceof Map<?, ?> map)) {
            errors.add(path + ": must be a mapping such as { rule: not-null, column: 名称 }");
            return null;
        }
        Object kindValue = map.get("rule");
        String known = String.join(", ", PARAMETERS.keySet().stream().sorted().toList());
        if (!(kindValue instanceof YamlTree.Scalar kindScalar) || kindScalar.isNull()) {
            errors.add(path + ".rule: missing (known rules: " + known + ")");
            return null;
        }
        String kind = kindScalar.text();
        if (!PARAMETERS.containsKey(kind)) {
            errors.add(path + ".rule: unknown rule \"" + kind + "\" (known: " + known + ")");
            return null;
        }
        int before = errors.size();
        RuleParameters parameters = new RuleParameters(path, kind, (Map<String, Object>) map, errors);
        parameters.rejectUnknown(PARAMETERS.get(kind));
        Rule rule =
                switch (kind) {
                    case "not-null" -> notNull(parameters);
                    case "unique" -> unique(parameters);
                    case "in-set" -> inSet(parameters);
                    case "between" -> between(parameters);
                    case "matches" -> matches(parameters);
                    case "row-count-between" -> rowCount(parameters);
                    case "compound-unique" -> compoundUnique(parameters);
                    case "freshness" -> freshness(parameters);
                    default -> throw new IllegalStateException("rule without a reader: " + kind);
                };
        return errors.size() == before ? rule : null;
    }

    private static Rule notNull(RuleParameters parameters) {
        return new Rule.NotNull(nonNull(parameters.column("column")), parameters.mostly());
    }

    private static Rule unique(RuleParameters parameters) {
        return new Rule.Unique(nonNull(parameters.column("column")), parameters.mostly());
    }

    private static Rule inSet(RuleParameters parameters) {
        String column = parameters.column("column");
        double mostly = parameters.mostly();
        List<?> list = parameters.requiredList("values");
        Set<String> values = new LinkedHashSet<>();
        if (list != null) {
            if (list.isEmpty()) {
                parameters.error("values", "must list at least one value");
            }
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof YamlTree.Scalar scalar && !scalar.isNull()) {
                    values.add(scalar.text());
                } else {
                    parameters.error("values[" + i + "]", "must be a single value, not empty");
                }
            }
        }
        return new Rule.InSet(nonNull(column), values, mostly);
    }

    private static Rule between(RuleParameters parameters) {
        String column = parameters.column("column");
        double mostly = parameters.mostly();
        Bound min = bound(parameters, "min");
        Bound max = bound(parameters, "max");
        if (!parameters.has("min") && !parameters.has("max")) {
            parameters.error(null, "between needs min, max or both");
            return null;
        }
        if (min == Bound.INVALID || max == Bound.INVALID) {
            return null;
        }
        boolean dates = (min != null && min.date() != null) || (max != null && max.date() != null);
        boolean numbers = (min != null && min.date() == null) || (max != null && max.date() == null);
        if (dates && numbers) {
            parameters.error(
                    "max",
                    "must be a " + (min.date() != null ? "date" : "number") + " like min, got \"" + max.text() + "\"");
            return null;
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            parameters.error(null, "min " + min.text() + " is greater than max " + max.text());
            return null;
        }
        Rule.Range range = dates
                ? new Rule.DateRange(
                        min == null ? null : min.date(),
                        max == null ? null : max.dateOnly() ? max.day().atTime(LocalTime.MAX) : max.date())
                : new Rule.NumberRange(min == null ? null : min.number(), max == null ? null : max.number());
        return new Rule.Between(nonNull(column), range, mostly);
    }

    /** A bound of {@code between}: a number, or a date (a date-only text also keeps its day). */
    private record Bound(String text, Double number, LocalDateTime date, LocalDate day) implements Comparable<Bound> {
        static final Bound INVALID = new Bound("", null, null, null);

        boolean dateOnly() {
            return day != null;
        }

        @Override
        public int compareTo(Bound other) {
            return date != null ? date.compareTo(other.date) : Double.compare(number, other.number);
        }
    }

    private static Bound bound(RuleParameters parameters, String key) {
        if (!parameters.has(key)) {
            return null;
        }
        YamlTree.Scalar scalar = parameters.optionalScalar(key);
        if (scalar == null) {
            return Bound.INVALID;
        }
        String text = scalar.text().strip();
        double number = DecimalParser.parse(text);
        if (!Double.isNaN(number)) {
            return new Bound(text, number, null, null);
        }
        try {
            LocalDate day = LocalDate.parse(text);
            return new Bound(text, null, day.atStartOfDay(), day);
        } catch (DateTimeException notADay) {
            try {
                return new Bound(text, null, LocalDateTime.parse(text.replace(' ', 'T')), null);
            } catch (DateTimeException notADateTime) {
                parameters.error(key, "must be a number or a date, got \"" + scalar.text() + "\"");
                return Bound.INVALID;
            }
        }
    }

    private static Rule matches(RuleParameters parameters) {
        String column = parameters.column("column");
        double mostly = parameters.mostly();
        YamlTree.Scalar pattern = parameters.requiredScalar("pattern");
        if (pattern == null) {
            return null;
        }
        try {
            Pattern.compile(pattern.text());
        } catch (PatternSyntaxException e) {
            parameters.error(
                    "pattern",
                    "invalid regular expression \"" + pattern.text() + "\": " + e.getDescription()
                            + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
            return null;
        }
        return new Rule.Matches(nonNull(column), pattern.text(), mostly);
    }

    private static Rule rowCount(RuleParameters parameters) {
        Long min = count(parameters, "min");
        Long max = count(parameters, "max");
        if (!parameters.has("min") && !parameters.has("max")) {
            parameters.error(null, "row-count-between needs min, max or both");
            return null;
        }
        if (min != null && max != null && min > max) {
            parameters.error(null, "min " + min + " is greater than max " + max);
        }
        return new Rule.RowCountBetween(min, max);
    }

    private static Long count(RuleParameters parameters, String key) {
        YamlTree.Scalar scalar = parameters.optionalScalar(key);
        if (scalar == null) {
            return null;
        }
        try {
            long count = Long.parseLong(scalar.text().strip());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        parameters.error(key, "must be a whole number of 0 or more, got \"" + scalar.text() + "\"");
        return null;
    }

    private static Rule compoundUnique(RuleParameters parameters) {
        double mostly = parameters.mostly();
        List<?> list = parameters.requiredList("columns");
        if (list == null) {
            return null;
        }
        Set<String> columns = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof YamlTree.Scalar scalar)
                    || scalar.isNull()
                    || scalar.text().isBlank()) {
                parameters.error("columns[" + i + "]", "must name a column");
            } else if (!columns.add(scalar.text())) {
                parameters.error("columns[" + i + "]", "\"" + scalar.text() + "\" is listed twice");
            }
        }
        if (list.size() < 2) {
            parameters.error("columns", "must list at least two columns (use unique for one)");
        }
        return new Rule.CompoundUnique(List.copyOf(columns), mostly);
    }

    private static Rule freshness(RuleParameters parameters) {
        String column = parameters.column("column");
        YamlTree.Scalar scalar = parameters.requiredScalar("max-age");
        if (scalar == null) {
            return null;
        }
        TemporalAmount maxAge = maxAge(scalar.text().strip());
        if (maxAge == null) {
            parameters.error(
                    "max-age",
                    "must be a positive ISO-8601 duration such as P40D, PT12H or P1M, got \"" + scalar.text() + "\"");
            return null;
        }
        return new Rule.Freshness(nonNull(column), maxAge);
    }

    private static TemporalAmount maxAge(String text) {
        try {
            Duration duration = Duration.parse(text);
            return duration.isNegative() || duration.isZero() ? null : duration;
        } catch (DateTimeException notADuration) {
            try {
                Period period = Period.parse(text);
                return period.isNegative() || period.isZero() ? null : period;
            } catch (DateTimeException notAPeriod) {
                return null;
            }
        }
    }

    /** A placeholder for a parameter already reported missing; the rule is dropped since errors were added. */
    private static String nonNull(String column) {
        return column == null ? "" : column;
    }
}
