package city.tds.identity;

import city.tds.crypto.Argon2idParameters;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Passwords as Argon2id hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}); the cost
 * is read back from each hash, so raising it later does not invalidate existing passwords.
 */
public final class PasswordHasher {

    private static final int SALT = 16;
    private static final int LENGTH = 32;

    private final Argon2idParameters cost;
    private final SecureRandom random;

    public PasswordHasher(Argon2idParameters cost, SecureRandom random) {
        this.cost = cost;
        this.random = random;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT];
        random.nextBytes(salt);
        byte[] hash = cost.derive(password, salt, LENGTH);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism() + "$"
                + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    public boolean matches(char[] password, String encoded) {
        try {
            String[] parts = encoded.split("\\$");
            if (parts.length != 6 || !parts[1].equals("argon2id")) {
                return false;
            }
            int m = 0;
            int t = 0;
            int p = 0;
            for (String kv : parts[3].split(",")) {
                int value = Integer.parseInt(kv.substring(2));
                switch (kv.charAt(0)) {
                    case 'm' -> m = value;
                    case 't' -> t = value;
                    case 'p' -> p = value;
                    default -> {
                        return false;
                    }
                }
            }
            byte[] salt = Base64.getDecoder().decode(parts[4]);
            byte[] expected = Base64.getDecoder().decode(parts[5]);
            byte[] actual = new Argon2idParameters(m, t, p).derive(password, salt, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
