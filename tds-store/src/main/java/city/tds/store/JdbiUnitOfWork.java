package city.tds.store;

import city.tds.core.tx.Transaction;
import city.tds.core.tx.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UnitOfWork} on one JDBI handle per thread. The outermost call begins and commits the transaction; a nested call
 * runs inside a savepoint, so that a nested failure undoes only its own writes and its after-commit actions.
 */
public final class JdbiUnitOfWork implements UnitOfWork {

    private static final Logger LOG = LoggerFactory.getLogger(JdbiUnitOfWork.class);

    private final Jdbi jdbi;
    private final ThreadLocal<Context> current = new ThreadLocal<>();

    JdbiUnitOfWork(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
        Context context = current.get();
        return context == null ? outermost(work) : nested(context, work);
    }

    /**
     * Runs {@code callback} on the calling thread's transaction handle, or on a fresh auto-commit handle if the thread
     * is not inside a unit of work. Every store reaches the database through this.
     */
    public <T> T withHandle(HandleCallback<T, RuntimeException> callback) {
        Context context = current.get();
        if (context != null) {
            return callback.withHandle(context.handle);
        }
        return jdbi.withHandle(callback);
    }

    /** Whether the calling thread is inside a unit of work. */
    public boolean inProgress() {
        return current.get() != null;
    }

    @Override
    public Optional<Transaction> current() {
        return Optional.ofNullable(current.get());
    }

    private <T> T outermost(Function<Transaction, T> work) {
        Context context;
        T result;
        try (Handle handle = jdbi.open()) {
            handle.begin();
            context = new Context(handle);
            current.set(context);
            try {
                result = work.apply(context);
                handle.commit();
            } catch (RuntimeException | Error e) {
                rollbackQuietly(handle, e);
                throw e;
            } finally {
                current.remove();
            }
        }
        context.runAfterCommit();
        return result;
    }

    private <T> T nested(Context context, Function<Transaction, T> work) {
        String savepoint = "tds_sp_" + (++context.savepoints);
        int actionsBefore = context.afterCommit.size();
        context.handle.savepoint(savepoint);
        try {
            T result = work.apply(context);
            context.handle.releaseSavepoint(savepoint);
            return result;
        } catch (RuntimeException | Error e) {
            try {
                context.handle.rollbackToSavepoint(savepoint);
            } catch (RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            context.afterCommit
                    .subList(actionsBefore, context.afterCommit.size())
                    .clear();
            throw e;
        }
    }

    private static void rollbackQuietly(Handle handle, Throwable cause) {
        try {
            handle.rollback();
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static final class Context implements Transaction {
        final Handle handle;
        final List<Runnable> afterCommit = new ArrayList<>();
        int savepoints;

        Context(Handle handle) {
            this.handle = handle;
        }

        @Override
        public void afterCommit(Runnable action) {
            afterCommit.add(action);
        }

        void runAfterCommit() {
            for (Runnable action : afterCommit) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.error("an after-commit action failed; the transaction stays committed", e);
                }
            }
        }
    }
}
