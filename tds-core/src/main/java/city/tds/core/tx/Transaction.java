package city.tds.core.tx;

/** The transaction a piece of work runs in. */
public interface Transaction {

    /**
     * Runs {@code action} after the outermost transaction commits (for example publishing a domain event or waking a
     * worker). Nothing runs if the transaction rolls back. An action that throws is logged and does not undo the commit.
     */
    void afterCommit(Runnable action);
}
