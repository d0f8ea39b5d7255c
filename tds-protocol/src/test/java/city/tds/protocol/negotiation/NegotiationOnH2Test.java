package city.tds.protocol.negotiation;

import city.tds.store.Database;
import city.tds.store.TestDatabases;

class NegotiationOnH2Test extends NegotiationContract {
    @Override
    protected Database openDatabase() {
        return TestDatabases.h2();
    }
}
