package city.tds.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Why an operation was refused, in terms a client can act on.
 *
 * @param kind the class of problem; the HTTP layer maps it to a status code
 * @param code a stable, machine-readable slug such as {@code invalid-credit-code}; becomes the problem type URI
 * @param detail what exactly was wrong, for a human reader
 */
public record Problem(ProblemKind kind, String code, String detail) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("problem code must be a lower-case slug: " + code);
        }
    }

    public static Problem invalidInput(String code, String detail) {
        return new Problem(ProblemKind.INVALID_INPUT, code, detail);
    }

    public static Problem notFound(String code, String detail) {
        return new Problem(ProblemKind.NOT_FOUND, code, detail);
    }

    public static Problem conflict(String code, String detail) {
        return new Problem(ProblemKind.CONFLICT, code, detail);
    }
}
