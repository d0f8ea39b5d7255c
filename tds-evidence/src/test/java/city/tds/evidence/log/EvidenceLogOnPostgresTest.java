package city.tds.evidence.log;

import city.tds.store.Database;
import city.tds.store.TestDatabases;

class EvidenceLogOnPostgresTest extends EvidenceLogContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.postgres();
    }
}
