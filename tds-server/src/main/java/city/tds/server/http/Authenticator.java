package city.tds.server.http;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.core.identity.Principal;

/** Turns a bearer token into the caller it names, or the reason it is refused. */
@FunctionalInterface
public interface Authenticator {

    Result<Principal> authenticate(String bearerToken);

    /** For nodes that issue no tokens (connectors before they trust a space): every token is refused. */
    Authenticator NONE = token -> Result.fail(new Problem(
            ProblemKind.UNAUTHENTICATED, "no-token-issuer", "this node does not issue or accept access tokens"));
}
