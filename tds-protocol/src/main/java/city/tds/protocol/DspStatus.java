package city.tds.protocol;

import city.tds.core.Problem;

/** The HTTP status a DSP endpoint answers a problem with. */
public final class DspStatus {

    private DspStatus() {}

    public static int of(Problem problem) {
        return switch (problem.kind()) {
            case INVALID_INPUT -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case PAYLOAD_TOO_LARGE -> 413;
            case UNAVAILABLE -> 503;
        };
    }
}
