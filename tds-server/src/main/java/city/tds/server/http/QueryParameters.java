package city.tds.server.http;

import city.tds.core.Problem;
import city.tds.core.ProblemException;
import io.javalin.http.Context;
import java.util.OptionalLong;

/** Reads query parameters, turning a malformed one into a 400 problem that names it. */
public final class QueryParameters {

    private QueryParameters() {}

    public static OptionalLong optionalLong(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.invalidInput(
                    "invalid-query-parameter",
                    "query parameter '" + name + "' must be an integer, got '" + value + "'"));
        }
    }

    public static long requiredLong(Context ctx, String name) {
        return optionalLong(ctx, name)
                .orElseThrow(() -> new ProblemException(
                        Problem.invalidInput("missing-query-parameter", "query parameter '" + name + "' is required")));
    }
}
