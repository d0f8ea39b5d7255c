package city.tds.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Gives each contract test a fresh, migrated database of the kind its subclass chooses. */
public abstract class DatabaseContract {

    protected Database database;

    /** A new, empty, migrated database. */
    protected abstract Database openDatabase();

    @BeforeEach
    void openFreshDatabase() {
        database = openDatabase();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
