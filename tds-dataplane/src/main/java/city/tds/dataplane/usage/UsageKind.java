package city.tds.dataplane.usage;

/** What a usage event meters. */
public enum UsageKind {
    /** The provider served data of a transfer (bytes and records). */
    DELIVERED,
    /** The consumer received a whole copy (bytes and records). */
    RECEIVED,
    /** A read of a consumer's copy through its connector (one call, with its bytes and records). */
    READ,
    /** A read of a copy as its consumer reported it to the provider (one call, with its bytes and records). */
    REPORTED,
    /** A call of an API-type product through the provider's connector (one call, with the bytes of its answer). */
    CALL
}
