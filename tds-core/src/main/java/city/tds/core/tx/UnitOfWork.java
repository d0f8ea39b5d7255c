package city.tds.core.tx;

import city.tds.core.ProblemException;
import city.tds.core.Result;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs work in one database transaction, so that a state change and the evidence that records it commit together or
 * not at all. Stores called inside the work join the transaction of the calling thread.
 *
 * <p>Nested calls on the same thread join the outer transaction; only the outermost call commits.
 */
public interface UnitOfWork {

    /**
     * Runs {@code work} and commits if it returns normally. If it throws, the transaction rolls back and the exception
     * propagates ({@link ProblemException} included).
     */
    <T> T inTransaction(Function<Transaction, T> work);

    /** The transaction the calling thread is in, if any. Lets a component join (or insist on) the caller's work. */
    Optional<Transaction> current();

    /**
     * Runs {@code work} and commits only if it returns a successful result; a failed result rolls the transaction
     * back, so that a refused operation leaves nothing half-written.
     */
    default <T> Result<T> attempt(Function<Transaction, Result<T>> work) {
        try {
            return inTransaction(tx -> {
                Result<T> result = work.apply(tx);
                if (!result.isOk()) {
                    throw new ProblemException(result.problem());
                }
                return result;
            });
        } catch (ProblemException refused) {
            return Result.fail(refused.problem());
        }
    }

    default void run(java.util.function.Consumer<Transaction> work) {
        inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }
}
