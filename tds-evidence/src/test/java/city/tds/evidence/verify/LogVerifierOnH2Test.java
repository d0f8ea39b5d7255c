package city.tds.evidence.verify;

import city.tds.store.Database;
import city.tds.store.TestDatabases;

class LogVerifierOnH2Test extends LogVerifierContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.h2();
    }
}
