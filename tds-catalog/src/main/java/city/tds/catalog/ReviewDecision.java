package city.tds.catalog;

/** A listing reviewer's decision on a submitted version. */
public enum ReviewDecision {
    /** Passes compliance review; the public notice starts. */
    APPROVE,
    /** Back to the provider as a draft, with what to change. */
    RETURN,
    /** Refused for good. */
    REJECT
}
