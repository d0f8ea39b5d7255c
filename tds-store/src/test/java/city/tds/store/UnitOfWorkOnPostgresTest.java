package city.tds.store;

class UnitOfWorkOnPostgresTest extends UnitOfWorkContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.postgres();
    }
}
