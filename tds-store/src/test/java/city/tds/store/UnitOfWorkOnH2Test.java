package city.tds.store;

class UnitOfWorkOnH2Test extends UnitOfWorkContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.h2();
    }
}
