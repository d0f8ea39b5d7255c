package city.tds.evidence.verify;

import city.tds.store.Database;
import city.tds.store.TestDatabases;

class LogVerifierOnPostgresTest extends LogVerifierContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.postgres();
    }
}
