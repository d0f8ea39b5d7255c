package city.tds.catalog;

/**
 * One field of a data resource, as the catalog describes it (the data itself stays with the provider).
 *
 * @param name the field's name in the source, e.g. {@code tax_amount}
 * @param type the value type, one of {@link #TYPES}
 * @param description what the field means, e.g. 纳税金额
 */
public record ResourceField(String name, String type, String description) {

    /** The value types a field may declare. */
    public static final java.util.Set<String> TYPES =
            java.util.Set.of("string", "integer", "decimal", "boolean", "date", "datetime", "binary", "json");
}
