package city.tds.governance.quality;

import city.tds.core.Problem;
import city.tds.core.Result;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Quality rules bound to one table's header: every column a rule reads is known by its index. Immutable; {@link
 * #checks()} makes fresh, independent checks for each pass over the table.
 */
public final class BoundRules {

    private static final int HEADER_NAMES_SHOWN = 20;

    private final List<Rule> rules;
    private final List<int[]> columns;
    private final Clock clock;

    private BoundRules(List<Rule> rules, List<int[]> columns, Clock clock) {
        this.rules = rules;
        this.columns = columns;
        this.clock = clock;
    }

    static Result<BoundRules> bind(
            QualityRules quality, List<String> header, Map<String, ColumnType> types, Clock clock) {
        Map<String, Integer> indexes = new HashMap<>();
        Map<String, Boolean> repeated = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (indexes.putIfAbsent(header.get(i), i) != null) {
                repeated.put(header.get(i), true);
            }
        }
        List<String> errors = new ArrayList<>();
        List<int[]> columns = new ArrayList<>();
        for (int r = 0; r < quality.rules().size(); r++) {
            Rule rule = quality.rules().get(r);
            String path = "rules[" + r + "] (" + rule.describe() + ")";
            int[] indexesOfRule = new int[rule.columns().size()];
            for (int c = 0; c < indexesOfRule.length; c++) {
                String column = rule.columns().get(c);
                Integer index = indexes.get(column);
                if (index == null) {
                    errors.add(
                            path + ": column \"" + column + "\" is not in the header (columns: " + shown(header) + ")");
                } else if (repeated.containsKey(column)) {
                    errors.add(path + ": column \"" + column + "\" appears more than once in the header");
                } else {
                    indexesOfRule[c] = index;
                }
            }
            String typeError = typeError(rule, types);
            if (typeError != null) {
                errors.add(path + ": " + typeError);
            }
            columns.add(indexesOfRule);
        }
        if (!errors.isEmpty()) {
            return Result.fail(Problem.invalidInput("quality-rules-do-not-fit", String.join("; ", errors)));
        }
        return Result.ok(new BoundRules(quality.rules(), List.copyOf(columns), clock));
    }

    private static String typeError(Rule rule, Map<String, ColumnType> types) {
        ColumnType needed;
        String what;
        if (rule instanceof Rule.Between between) {
            boolean numbers = between.range() instanceof Rule.NumberRange;
            needed = numbers ? ColumnType.NUMBER : ColumnType.DATE;
            what = "between with " + (numbers ? "numeric" : "date") + " bounds";
        } else if (rule instanceof Rule.Freshness) {
            needed = ColumnType.DATE;
            what = "freshness";
        } else {
            return null;
        }
        String column = rule.columns().get(0);
        ColumnType declared = types.get(column);
        if (declared == null || declared == needed) {
            return null;
        }
        return "column \"" + column + "\" is declared " + declared + ", " + what + " needs a " + needed + " column";
    }

    private static String shown(List<String> header) {
        List<String> names = header.size() > HEADER_NAMES_SHOWN ? header.subList(0, HEADER_NAMES_SHOWN) : header;
        return String.join(", ", names) + (header.size() > HEADER_NAMES_SHOWN ? ", …" : "");
    }

    /** The rules, in file order. */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * One new check per rule, in rule order, sharing no mutable state with each other or with earlier calls. Give
     * each check every row of the table in order; different checks may run on different threads.
     */
    public List<RuleCheck> checks() {
        List<RuleCheck> checks = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            checks.add(check(rules.get(i), columns.get(i)));
        }
        return checks;
    }

    private RuleCheck check(Rule rule, int[] columns) {
        if (rule instanceof Rule.NotNull notNull) {
            return new NotNullCheck(notNull, columns[0]);
        } else if (rule instanceof Rule.Unique unique) {
            return new UniqueCheck(unique, columns, unique.mostly());
        } else if (rule instanceof Rule.InSet inSet) {
            return new InSetCheck(inSet, columns[0]);
        } else if (rule instanceof Rule.Between between) {
            return between.range() instanceof Rule.NumberRange numbers
                    ? new NumberBetweenCheck(between, numbers, columns[0])
                    : new DateBetweenCheck(between, (Rule.DateRange) between.range(), columns[0], clock.getZone());
        } else if (rule instanceof Rule.Matches matches) {
            return new MatchesCheck(matches, columns[0]);
        } else if (rule instanceof Rule.RowCountBetween rowCount) {
            return new RowCountCheck(rowCount);
        } else if (rule instanceof Rule.CompoundUnique compound) {
            return new UniqueCheck(compound, columns, compound.mostly());
        } else if (rule instanceof Rule.Freshness freshness) {
            return new FreshnessCheck(freshness, columns[0], clock);
        }
        throw new IllegalStateException("rule without a check: " + rule);
    }
}
