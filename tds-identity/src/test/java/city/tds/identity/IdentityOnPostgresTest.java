package city.tds.identity;

import city.tds.store.Database;
import city.tds.store.TestDatabases;

class IdentityOnPostgresTest extends IdentityContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.postgres();
    }
}
