package city.tds.catalog;

import city.tds.store.Database;
import city.tds.store.TestDatabases;

class CatalogOnH2Test extends CatalogContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.h2();
    }
}
