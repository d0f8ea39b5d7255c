package city.tds.identity;

import city.tds.store.Database;
import city.tds.store.TestDatabases;

class IdentityOnH2Test extends IdentityContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.h2();
    }
}
