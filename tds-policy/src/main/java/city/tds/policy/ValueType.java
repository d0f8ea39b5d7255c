package city.tds.policy;

import java.util.Set;

/** The kind of value a {@link LeftOperand} is compared with; each maps to one {@link RightOperand} variant. */
public enum ValueType {
    /** Strings: purpose codes, participant identifiers, credential attributes, zone codes. */
    TEXT("text", Set.of("string", "anyURI")),
    /** 6-digit GB/T 2260 administrative division codes. */
    REGION_CODE("a 6-digit GB/T 2260 administrative division code such as 330106", Set.of("string")),
    /** An {@code xsd:dateTime} with a UTC offset. */
    DATE_TIME(
            "an xsd:dateTime with a UTC offset such as 2026-12-31T23:59:59+08:00", Set.of("dateTime", "dateTimeStamp")),
    /** An {@code xsd:duration} of days, hours, minutes and seconds (no years or months). */
    DURATION(
            "an xsd:duration in days, hours, minutes and seconds such as P30D or PT12H",
            Set.of("duration", "dayTimeDuration")),
    /** A non-negative integer. */
    NON_NEGATIVE_INTEGER(
            "a non-negative integer",
            Set.of("integer", "nonNegativeInteger", "positiveInteger", "int", "long", "unsignedInt", "unsignedLong")),
    /** A non-negative decimal number. */
    DECIMAL("a non-negative decimal number such as 0.5", Set.of("decimal", "integer", "nonNegativeInteger")),
    /** {@link DeliveryMode} IRIs. */
    DELIVERY_MODE("a delivery mode (tds:fileTransfer, tds:api, tds:sandbox or tds:privacyComputing)", Set.of());

    private final String description;
    private final Set<String> xsdTypes;

    ValueType(String description, Set<String> xsdTypes) {
        this.description = description;
        this.xsdTypes = xsdTypes;
    }

    /** What a valid value looks like, for messages. */
    public String description() {
        return description;
    }

    /** Whether a value typed {@code xsd:<localName>} may stand for this type. */
    public boolean acceptsXsdType(String localName) {
        return xsdTypes.contains(localName);
    }
}
