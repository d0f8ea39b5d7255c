package city.tds.dataplane;

import city.tds.store.Database;
import city.tds.store.TestDatabases;

class DataPlaneOnPostgresTest extends DataPlaneContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.postgres();
    }
}
