package city.tds.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.tds.core.Problem;
import city.tds.core.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A state change and its record commit together or not at all, on every database. */
public abstract class UnitOfWorkContract extends DatabaseContract {

    private JdbiUnitOfWork uow;
    private final List<String> afterCommit = new ArrayList<>();

    @BeforeEach
    void createTables() {
        uow = database.unitOfWork();
        database.jdbi().useHandle(h -> {
            h.execute("CREATE TABLE uow_state (id VARCHAR(20) PRIMARY KEY, status VARCHAR(20) NOT NULL)");
            h.execute("CREATE TABLE uow_record (id VARCHAR(20) PRIMARY KEY, note VARCHAR(100) NOT NULL)");
        });
    }

    private void changeState(String id, String status) {
        uow.withHandle(h -> h.execute("INSERT INTO uow_state (id, status) VALUES (?, ?)", id, status));
    }

    private void appendRecord(String id, String note) {
        uow.withHandle(h -> h.execute("INSERT INTO uow_record (id, note) VALUES (?, ?)", id, note));
    }

    private int count(String table) {
        return database.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void bothWritesCommitTogetherAndAfterCommitActionsRun() {
        uow.run(tx -> {
            changeState("s1", "approved");
            appendRecord("r1", "s1 approved");
            tx.afterCommit(() -> afterCommit.add("published"));
            assertThat(afterCommit).isEmpty();
        });

        assertThat(count("uow_state")).isEqualTo(1);
        assertThat(count("uow_record")).isEqualTo(1);
        assertThat(afterCommit).containsExactly("published");
    }

    @Test
    void anExceptionRollsBackBothWritesAndSkipsAfterCommitActions() {
        assertThatThrownBy(() -> uow.run(tx -> {
                    changeState("s1", "approved");
                    tx.afterCommit(() -> afterCommit.add("published"));
                    appendRecord("s1-dup", "x".repeat(200)); // longer than the column: the second write fails
                }))
                .isInstanceOf(RuntimeException.class);

        assertThat(count("uow_state")).isZero();
        assertThat(count("uow_record")).isZero();
        assertThat(afterCommit).isEmpty();
    }

    @Test
    void aFailedResultRollsBackAndIsReturned() {
        Result<String> result = uow.attempt(tx -> {
            changeState("s1", "approved");
            return Result.fail(Problem.conflict("already-decided", "s1 was decided before"));
        });

        assertThat(result.problem().code()).isEqualTo("already-decided");
        assertThat(count("uow_state")).isZero();
    }

    @Test
    void aNestedFailureUndoesOnlyItsOwnWrites() {
        uow.run(tx -> {
            changeState("s1", "approved");
            Result<Void> nested = uow.attempt(inner -> {
                appendRecord("r-nested", "will be undone");
                inner.afterCommit(() -> afterCommit.add("nested"));
                return Result.fail(Problem.invalidInput("bad", "refused"));
            });
            assertThat(nested.isOk()).isFalse();
            appendRecord("r1", "kept");
            tx.afterCommit(() -> afterCommit.add("outer"));
        });

        assertThat(count("uow_state")).isEqualTo(1);
        List<String> records = database.jdbi()
                .withHandle(h -> h.createQuery("SELECT id FROM uow_record")
                        .mapTo(String.class)
                        .list());
        assertThat(records).containsExactly("r1");
        assertThat(afterCommit).containsExactly("outer");
    }

    @Test
    void writesOutsideAUnitOfWorkCommitImmediately() {
        assertThat(uow.inProgress()).isFalse();
        changeState("s1", "draft");
        assertThat(count("uow_state")).isEqualTo(1);
    }
}
