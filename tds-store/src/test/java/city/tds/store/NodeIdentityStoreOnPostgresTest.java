package city.tds.store;

class NodeIdentityStoreOnPostgresTest extends NodeIdentityStoreContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.postgres();
    }
}
