package city.tds.store;

class NodeIdentityStoreOnH2Test extends NodeIdentityStoreContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.h2();
    }
}
