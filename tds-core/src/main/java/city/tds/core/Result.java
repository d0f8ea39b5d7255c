package city.tds.core;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of an operation that can fail for an expected reason: either a value or a {@link Problem}.
 *
 * <p>Exceptions stay for bugs and I/O faults; anything a caller is expected to handle (bad input, an unknown id, an
 * illegal state transition) comes back as a {@code Result}.
 */
public sealed interface Result<T> {

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> fail(Problem problem) {
        return new Failed<>(problem);
    }

    static <T> Result<T> fail(ProblemKind kind, String code, String detail) {
        return new Failed<>(new Problem(kind, code, detail));
    }

    boolean isOk();

    /** The value; throws {@link IllegalStateException} when this result failed. */
    T value();

    /** The problem; throws {@link IllegalStateException} when this result succeeded. */
    Problem problem();

    default <R> Result<R> map(Function<? super T, ? extends R> mapper) {
        return isOk() ? ok(mapper.apply(value())) : fail(problem());
    }

    default <R> Result<R> flatMap(Function<? super T, Result<R>> mapper) {
        return isOk() ? mapper.apply(value()) : fail(problem());
    }

    default T orElseThrow() {
        if (!isOk()) {
            throw new ProblemException(problem());
        }
        return value();
    }

    record Ok<T>(T value) implements Result<T> {
        @Override
        public boolean isOk() {
            return true;
        }

        @Override
        public Problem problem() {
            throw new IllegalStateException("result succeeded; it has no problem");
        }
    }

    record Failed<T>(Problem problem) implements Result<T> {
        public Failed {
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public boolean isOk() {
            return false;
        }

        @Override
        public T value() {
            throw new IllegalStateException("result failed: " + problem);
        }
    }
}
