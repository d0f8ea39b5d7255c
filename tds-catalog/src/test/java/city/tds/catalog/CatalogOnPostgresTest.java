package city.tds.catalog;

import city.tds.store.Database;
import city.tds.store.TestDatabases;

class CatalogOnPostgresTest extends CatalogContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.postgres();
    }
}
