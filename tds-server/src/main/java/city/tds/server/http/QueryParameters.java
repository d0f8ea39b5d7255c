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

    /** An enum-valued parameter, matched case-insensitively; a value it does not have is a 400 naming the choices. */
    public static <E extends Enum<E>> java.util.Optional<E> optionalEnum(Context ctx, String name, Class<E> type) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalidInput(
                    "invalid-query-parameter",
                    "query parameter '" + name + "' has no value '" + value + "'; use one of "
                            + java.util.Arrays.toString(type.getEnumConstants())));
        }
    }

    public static long requiredLong(Context ctx, String name) {
        return optionalLong(ctx, name)
                .orElseThrow(() -> new ProblemException(
                        Problem.invalidInput("missing-query-parameter", "query parameter '" + name + "' is required")));
    }
}
