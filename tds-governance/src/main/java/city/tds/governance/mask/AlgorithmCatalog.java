package city.tds.governance.mask;

import city.tds.crypto.SuiteId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/** The algorithms a profile can name, their parameters, and how a checked rule becomes an algorithm. */
final class AlgorithmCatalog {

    /** A checked rule, waiting for the keys and the day it is bound with. */
    interface Prepared {
        /** The algorithm, or {@code null} after noting in {@code errors} why it cannot be built. */
        MaskingAlgorithm bind(MaskingContext context, List<String> errors);
    }

    private interface Preparer {
        Prepared prepare(RuleReader reader);
    }

    private record Type(List<String> parameters, Preparer preparer) {}

    private static final Map<String, Type> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("keep", new Type(List.of("first", "last", "maskChar"), AlgorithmCatalog::keep));
        TYPES.put("mask-range", new Type(List.of("from", "to", "ranges", "maskChar"), AlgorithmCatalog::maskRange));
        TYPES.put(
                "mask-before", new Type(List.of("char", "maskChar"), r -> around(r, MaskAroundCharacter.Side.BEFORE)));
        TYPES.put("mask-after", new Type(List.of("char", "maskChar"), r -> around(r, MaskAroundCharacter.Side.AFTER)));
        TYPES.put("hash", new Type(List.of("key", "encoding", "length"), AlgorithmCatalog::hash));
        TYPES.put("fpe-id", new Type(List.of("key"), r -> keyed(r, IdNumberFpe::new)));
        TYPES.put("fpe-mobile", new Type(List.of("key"), r -> keyed(r, MobileNumberFpe::new)));
        TYPES.put("fpe-credit-code", new Type(List.of("key"), r -> keyed(r, CreditCodeFpe::new)));
        TYPES.put("age-band", new Type(List.of("width", "top"), AlgorithmCatalog::ageBand));
        TYPES.put("date-truncate", new Type(List.of("to"), AlgorithmCatalog::dateTruncate));
        TYPES.put("region-prefix", new Type(List.of("keep"), AlgorithmCatalog::regionPrefix));
        TYPES.put("suppress", new Type(List.of("token"), AlgorithmCatalog::suppress));
    }

    private AlgorithmCatalog() {}

    static List<String> names() {
        return List.copyOf(TYPES.keySet());
    }

    /** The rule checked, or {@code null} after noting its problems in {@code errors}. */
    static Prepared prepare(String path, MaskingRule rule, List<String> errors) {
        Type type = TYPES.get(rule.algorithm());
        if (type == null) {
            errors.add(path + ".algorithm: unknown algorithm " + RuleReader.quoted(rule.algorithm()) + "; known: "
                    + String.join(", ", names()));
            return null;
        }
        int before = errors.size();
        for (String name : rule.parameters().keySet()) {
            if (!type.parameters().contains(name)) {
                errors.add(path + "." + name + ": unknown parameter for " + rule.algorithm() + "; it takes "
                        + (type.parameters().isEmpty() ? "none" : String.join(", ", type.parameters())));
            }
        }
        Prepared prepared = type.preparer().prepare(new RuleReader(path, rule, errors));
        return errors.size() == before ? prepared : null;
    }

    private static Prepared keep(RuleReader r) {
        KeepFirstLast keep = new KeepFirstLast(r.integer("first", 0, 0), r.integer("last", 0, 0), maskChar(r));
        return (context, errors) -> keep;
    }

    private static Prepared maskRange(RuleReader r) {
        char maskChar = maskChar(r);
        List<MaskRanges.Range> ranges = new ArrayList<>();
        if (r.has("ranges")) {
            if (r.has("from") || r.has("to")) {
                r.error("ranges", "give either ranges or from and to, not both");
            }
            for (String part : r.text("ranges", "").split(",")) {
                MaskRanges.Range range = range(part.strip());
                if (range == null) {
                    r.error(
                            "ranges",
                            "must be ranges like \"4-7, 10-11\" counted from 1, got "
                                    + RuleReader.quoted(r.text("ranges", "")));
                    return null;
                }
                ranges.add(range);
            }
        } else {
            int from = r.integer("from", -1, 1);
            if (from < 0 && !r.has("from")) {
                r.error("from", "required for mask-range (or give ranges)");
            }
            int to = r.integer("to", Math.max(from, 1), 1);
            if (from > 0 && to < from) {
                r.error("to", "must not be before from (" + from + "), got " + RuleReader.quoted(String.valueOf(to)));
            }
            if (from > 0 && to >= from) {
                ranges.add(new MaskRanges.Range(from, to));
            }
        }
        if (ranges.isEmpty()) {
            return null;
        }
        MaskRanges mask = new MaskRanges(ranges, maskChar);
        return (context, errors) -> mask;
    }

    private static MaskRanges.Range range(String text) {
        int dash = text.indexOf('-');
        try {
            int from =
                    Integer.parseInt(dash < 0 ? text : text.substring(0, dash).strip());
            int to = dash < 0 ? from : Integer.parseInt(text.substring(dash + 1).strip());
            return from >= 1 && to >= from ? new MaskRanges.Range(from, to) : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Prepared around(RuleReader r, MaskAroundCharacter.Side side) {
        char maskChar = maskChar(r);
        if (r.required("char") == null) {
            return null;
        }
        MaskAroundCharacter mask = new MaskAroundCharacter(side, r.character("char", '@'), maskChar);
        return (context, errors) -> mask;
    }

    private static Prepared hash(RuleReader r) {
        String key = r.required("key");
        KeyedHash.Encoding encoding = r.choice("encoding", KeyedHash.Encoding.class, KeyedHash.Encoding.HEX);
        int full = encoding.length(32);
        int length = r.integer("length", 0, 1);
        if (length > full) {
            r.error(
                    "length",
                    "must be at most " + full + " for " + encoding.name().toLowerCase(Locale.ROOT) + ", got "
                            + RuleReader.quoted(String.valueOf(length)));
        }
        return key == null
                ? null
                : (context, errors) -> {
                    byte[] bytes = key(r, key, context, errors);
                    return bytes == null ? null : new KeyedHash(context.suite(), bytes, encoding, length);
                };
    }

    private static Prepared keyed(RuleReader r, BiFunction<SuiteId, byte[], MaskingAlgorithm> factory) {
        String key = r.required("key");
        return key == null
                ? null
                : (context, errors) -> {
                    byte[] bytes = key(r, key, context, errors);
                    return bytes == null ? null : factory.apply(context.suite(), bytes);
                };
    }

    private static byte[] key(RuleReader r, String name, MaskingContext context, List<String> errors) {
        byte[] key = context.keys().get(name).orElse(null);
        if (key == null) {
            errors.add(r.path() + ".key: no masking key named " + RuleReader.quoted(name) + "; the keys given are "
                    + context.keys().names().stream().sorted().toList());
        }
        return key;
    }

    private static Prepared ageBand(RuleReader r) {
        int width = r.integer("width", 10, 1);
        int top = r.integer("top", 0, 0);
        return (context, errors) -> new AgeBand(width, top, context.today());
    }

    private static Prepared dateTruncate(RuleReader r) {
        DateTruncation.Unit unit = r.choice("to", DateTruncation.Unit.class, null);
        if (unit == null) {
            return null;
        }
        DateTruncation truncation = new DateTruncation(unit);
        return (context, errors) -> truncation;
    }

    private static Prepared regionPrefix(RuleReader r) {
        RegionPrefix prefix = new RegionPrefix(r.integer("keep", 2, 0));
        return (context, errors) -> prefix;
    }

    private static Prepared suppress(RuleReader r) {
        Suppression suppression = new Suppression(r.text("token", ""));
        return (context, errors) -> suppression;
    }

    private static char maskChar(RuleReader r) {
        return r.character("maskChar", '*');
    }
}
