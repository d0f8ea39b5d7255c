package city.tds.identity;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.SigningPublicKey;
import java.util.Optional;

/**
 * The issuers whose tokens and credentials a node accepts: its own space and the spaces on the trust list, each with
 * its suite and signing key.
 */
@FunctionalInterface
public interface TrustedIssuers {

    /** The key of {@code issuer} (the {@code iss} of its tokens and credentials), if it is trusted. */
    Optional<IssuerKey> find(String issuer);

    /** A trusted issuer's suite and key. */
    record IssuerKey(CryptoSuite suite, SigningPublicKey key) {}
}
