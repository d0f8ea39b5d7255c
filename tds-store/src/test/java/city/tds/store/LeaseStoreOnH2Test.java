package city.tds.store;

class LeaseStoreOnH2Test extends LeaseStoreContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.h2();
    }
}
