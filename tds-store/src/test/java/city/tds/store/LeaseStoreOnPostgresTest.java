package city.tds.store;

class LeaseStoreOnPostgresTest extends LeaseStoreContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.postgres();
    }
}
