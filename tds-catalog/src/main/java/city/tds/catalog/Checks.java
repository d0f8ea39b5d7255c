package city.tds.catalog;

import city.tds.core.Problem;
import city.tds.core.ProblemException;
import java.util.Collection;
import java.util.Objects;

/** Input checks that refuse with a problem naming the field and what is wrong with it. */
final class Checks {

    private Checks() {}

    static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid("missing-" + slug(field), field + " is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw invalid(
                    "invalid-" + slug(field),
                    field + " is " + trimmed.length() + " characters; at most " + maxLength + " are allowed");
        }
        return trimmed;
    }

    static String optionalText(String value, String field, int maxLength) {
        return value == null || value.isBlank() ? null : text(value, field, maxLength);
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw invalid("missing-" + slug(field), field + " is required");
        }
        return value;
    }

    static void size(Collection<?> values, String field, int min, int max) {
        int n = values == null ? 0 : values.size();
        if (n < min || n > max) {
            throw invalid(
                    "invalid-" + slug(field),
                    field + " has " + n + " entries; " + (min == max ? min : min + " to " + max) + " are allowed");
        }
        if (values != null && values.stream().anyMatch(Objects::isNull)) {
            throw invalid("invalid-" + slug(field), field + " contains an empty entry");
        }
    }

    static void nonNegative(Long value, String field) {
        if (value != null && value < 0) {
            throw invalid("invalid-" + slug(field), field + " must not be negative (got " + value + ")");
        }
    }

    static ProblemException invalid(String code, String detail) {
        return new ProblemException(Problem.invalidInput(code, detail));
    }

    static ProblemException notFound(String code, String detail) {
        return new ProblemException(Problem.notFound(code, detail));
    }

    static ProblemException conflict(String code, String detail) {
        return new ProblemException(Problem.conflict(code, detail));
    }

    static ProblemException forbidden(String code, String detail) {
        return new ProblemException(new Problem(city.tds.core.ProblemKind.FORBIDDEN, code, detail));
    }

    /** {@code connectorId} → {@code connector-id}, for problem codes. */
    static String slug(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1-$2")
                .replaceAll("[^A-Za-z0-9]+", "-")
                .toLowerCase(java.util.Locale.ROOT);
    }
}
