package city.tds.dataplane;

import city.tds.store.Database;
import city.tds.store.TestDatabases;

class DataPlaneOnH2Test extends DataPlaneContract {
    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }
}
