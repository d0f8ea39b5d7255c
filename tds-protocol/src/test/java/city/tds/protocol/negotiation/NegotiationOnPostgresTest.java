package city.tds.protocol.negotiation;

import city.tds.store.Database;
import city.tds.store.TestDatabases;

class NegotiationOnPostgresTest extends NegotiationContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.postgres();
    }
}
