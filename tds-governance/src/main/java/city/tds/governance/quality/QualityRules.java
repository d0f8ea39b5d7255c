package city.tds.governance.quality;

import city.tds.core.Problem;
import city.tds.core.Result;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A set of quality rules for a table, usually read from a rule file:
 *
 * <pre>{@code
 * rules:
 *   - { rule: not-null, column: 统一社会信用代码 }
 *   - { rule: unique, column: 统一社会信用代码 }
 *   - { rule: in-set, column: 纳税信用等级, values: [A, B, M, C, D] }
 *   - { rule: between, column: 增值税额, min: 0, max: 100000000 }     # numbers, or dates: min: 2024-01-01
 *   - { rule: matches, column: 手机号, pattern: "1[3-9][0-9]{9}" }     # the whole value must match
 *   - { rule: row-count-between, min: 1000, max: 10000000 }
 *   - { rule: compound-unique, columns: [统一社会信用代码, 月份] }
 *   - { rule: freshness, column: 更新时间, max-age: P40D }           # ISO-8601 duration or period
 *   - { rule: not-null, column: 联系人, mostly: 0.95 }              # passes if at least 95 % of values pass
 * }</pre>
 *
 * <p>Parameters: {@code column} (all but {@code row-count-between} and {@code compound-unique}), {@code columns}
 * (compound-unique, two or more), {@code values} (in-set), {@code min}/{@code max} (between: numbers or dates,
 * one may be left out; row-count-between: whole numbers), {@code pattern} (matches, Java regular expression),
 * {@code max-age} (freshness) and {@code mostly} (every value rule, from 0 to 1, default 1). How each rule treats
 * missing values is described on {@link Rule}. {@code between} bounds are inclusive; a date-only {@code max}
 * includes its whole day.
 *
 * @param rules the rules, in file order
 */
public record QualityRules(List<Rule> rules) {

    public QualityRules {
        rules = List.copyOf(rules);
    }

    /**
     * Reads a rule file. Errors name the path of what is wrong, e.g. {@code rules[3].min: must be a number or a date,
     * got "abc"}; all errors are reported together, separated by "; ".
     */
    public static Result<QualityRules> parse(String yaml) {
        Object document;
        try {
            document = YamlTree.read(yaml);
        } catch (YamlTree.YamlException e) {
            return Result.fail(Problem.invalidInput("invalid-quality-rules", "not valid YAML: " + e.getMessage()));
        }
        RuleFileReader reader = new RuleFileReader();
        List<Rule> rules = reader.read(document);
        if (!reader.errors().isEmpty()) {
            return Result.fail(Problem.invalidInput("invalid-quality-rules", String.join("; ", reader.errors())));
        }
        return Result.ok(new QualityRules(rules));
    }

    /**
     * Binds the rules to a table's header, with no declared column types and the system clock (in its default zone)
     * for freshness and dates without an offset. Prefer {@link #bind(List, Map, Clock)} wherever a clock is at hand.
     */
    public Result<BoundRules> bind(List<String> header) {
        return bind(header, Map.of(), Clock.systemDefaultZone());
    }

    /** Binds the rules to a table's header, with no declared column types. */
    public Result<BoundRules> bind(List<String> header, Clock clock) {
        return bind(header, Map.of(), clock);
    }

    /**
     * Binds the rules to a table's header. Fails naming the column when a rule reads a column the header lacks (or
     * holds twice), and when a rule cannot apply to a column's declared type: {@code between} with numeric bounds
     * needs a NUMBER column, with date bounds a DATE column, and {@code freshness} a DATE column. Columns without a
     * declared type (every CSV column) are checked while evaluating instead.
     *
     * @param header the table's column names, in order
     * @param types declared column types by name; columns may be left out
     * @param clock now for {@code freshness}; its zone reads dates without an offset
     */
    public Result<BoundRules> bind(List<String> header, Map<String, ColumnType> types, Clock clock) {
        return BoundRules.bind(this, header, types, clock);
    }
}
