package city.tds.crypto;

import java.security.SecureRandom;

/** Builds the suite a node is configured with. */
public final class CryptoSuites {

    private CryptoSuites() {}

    public static CryptoSuite create(SuiteId id, SecureRandom random) {
        return switch (id) {
            case GM -> new GmSuite(random);
            case INTL -> new IntlSuite(random);
        };
    }
}
