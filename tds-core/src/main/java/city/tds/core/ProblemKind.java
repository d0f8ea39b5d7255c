package city.tds.core;

/** The classes of expected failure. Each maps to one HTTP status ({@link #httpStatus()}). */
public enum ProblemKind {
    /** The request is malformed or violates a rule about its content. */
    INVALID_INPUT,
    /** The caller did not prove who it is, or its proof expired. */
    UNAUTHENTICATED,
    /** The caller is known but may not do this. */
    FORBIDDEN,
    /** The thing named does not exist (or the caller may not know it exists). */
    NOT_FOUND,
    /** The request conflicts with the current state, e.g. an illegal state transition or a duplicate. */
    CONFLICT,
    /** The request body is larger than allowed. */
    PAYLOAD_TOO_LARGE,
    /** A component the operation needs is unavailable right now. */
    UNAVAILABLE,
    /** A system this one stands in front of (a provider's internal API) failed, timed out or answered too much. */
    BAD_GATEWAY;

    /** The HTTP status every API of TDS answers this kind of problem with. */
    public int httpStatus() {
        return switch (this) {
            case INVALID_INPUT -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case PAYLOAD_TOO_LARGE -> 413;
            case UNAVAILABLE -> 503;
            case BAD_GATEWAY -> 502;
        };
    }
}
