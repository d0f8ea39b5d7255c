package city.tds.server.http;

import city.tds.core.Problem;
import city.tds.core.ProblemException;
import city.tds.core.ProblemKind;
import city.tds.core.identity.Principal;
import io.javalin.http.Context;
import java.util.Optional;

/** The authenticated caller of the current request, as the access check left it. */
public final class Callers {

    static final String ATTRIBUTE = "tds.principal";

    private Callers() {}

    public static Optional<Principal> optional(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The caller; the route's access rule guarantees there is one on non-public routes. */
    public static Principal required(Context ctx) {
        return optional(ctx)
                .orElseThrow(() -> new ProblemException(
                        new Problem(ProblemKind.UNAUTHENTICATED, "authentication-required", "send an access token")));
    }
}
