package city.tds.evidence.log;

import city.tds.store.Database;
import city.tds.store.TestDatabases;

class EvidenceLogOnH2Test extends EvidenceLogContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.h2();
    }
}
