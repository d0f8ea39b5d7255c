package city.tds.crypto;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The crypto suites a node can run. A node keeps the suite it was created with. */
public enum SuiteId {
    /** 国密: SM2 signatures (user id 1234567812345678), SM3 hashing, SM4-GCM encryption. The default. */
    GM,
    /** International: Ed25519 signatures, SHA-256 hashing, AES-256-GCM encryption. */
    INTL;

    public static Optional<SuiteId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst();
    }
}
