package city.tds.crypto;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A node's signing key on disk, sealed under a passphrase: the private key is encrypted with the suite's cipher (SM4-GCM
 * or AES-256-GCM) under a key derived by Argon2id from the passphrase and a random salt. Every other field of the file
 * is bound to the ciphertext as associated data, so editing the public key, the suite or the cost parameters makes the
 * file fail to open.
 *
 * <p>The file is written to a temporary name and moved into place, readable by its owner only, so a crash never leaves
 * a half-written key.
 */
public final class NodeKeyFile {

    static final String FORMAT = "tds-signing-key/1";
    private static final int SALT_LENGTH = 16;
    private static final int MIN_PASSPHRASE_LENGTH = 8;

    private final CryptoSuite suite;
    private final Argon2idParameters kdf;
    private final Clock clock;

    public NodeKeyFile(CryptoSuite suite, Argon2idParameters kdf, Clock clock) {
        this.suite = suite;
        this.kdf = kdf;
        this.clock = clock;
    }

    /** Opens the key at {@code file}, or generates and seals a new key pair there if the file does not exist. */
    public Result<SigningKeyPair> openOrCreate(Path file, char[] passphrase) {
        if (Files.exists(file)) {
            return open(file, passphrase);
        }
        if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
            return Result.fail(Problem.invalidInput(
                    "weak-key-passphrase",
                    "the key passphrase must have at least " + MIN_PASSPHRASE_LENGTH + " characters"));
        }
        SigningKeyPair keyPair = suite.generateSigningKeyPair();
        write(file, keyPair, passphrase);
        return Result.ok(keyPair);
    }

    /** Opens an existing key file. */
    public Result<SigningKeyPair> open(Path file, char[] passphrase) {
        Properties fields = read(file);
        if (!FORMAT.equals(fields.getProperty("format"))) {
            return corrupt(file, "unknown format " + fields.getProperty("format"));
        }
        String fileSuite = fields.getProperty("suite");
        if (!suite.id().name().equals(fileSuite)) {
            return Result.fail(Problem.conflict(
                    "key-suite-mismatch",
                    "key file " + file + " holds a " + fileSuite + " key but the node runs the " + suite.id()
                            + " suite"));
        }
        try {
            Argon2idParameters cost = new Argon2idParameters(
                    Integer.parseInt(fields.getProperty("kdf.memoryKiB")),
                    Integer.parseInt(fields.getProperty("kdf.iterations")),
                    Integer.parseInt(fields.getProperty("kdf.parallelism")));
            byte[] salt = Base64.getDecoder().decode(fields.getProperty("kdf.salt"));
            byte[] sealed = Base64.getDecoder().decode(fields.getProperty("sealed"));
            Map<String, String> header = header(fields);
            SymmetricKey wrappingKey = suite.symmetricKey(cost.derive(passphrase, salt, suite.symmetricKeyLength()));
            Optional<byte[]> privateKey = suite.decrypt(wrappingKey, sealed, associatedData(header));
            wrappingKey.destroy();
            if (privateKey.isEmpty()) {
                return Result.fail(new Problem(
                        ProblemKind.UNAUTHENTICATED,
                        "wrong-key-passphrase",
                        "the key passphrase does not open " + file + " (or the file was altered)"));
            }
            SigningKeyPair keyPair = suite.restoreSigningKeyPair(privateKey.get());
            Arrays.fill(privateKey.get(), (byte) 0);
            if (!keyPair.publicKey().toBase64().equals(fields.getProperty("publicKey"))) {
                return corrupt(file, "the public key does not match the private key");
            }
            return Result.ok(keyPair);
        } catch (RuntimeException malformed) {
            return corrupt(file, malformed.getMessage());
        }
    }

    private void write(Path file, SigningKeyPair keyPair, char[] passphrase) {
        byte[] salt = suite.randomBytes(SALT_LENGTH);
        Map<String, String> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("suite", suite.id().name());
        header.put("keyId", keyPair.keyId());
        header.put("publicKey", keyPair.publicKey().toBase64());
        header.put("signatureAlgorithm", suite.signatureAlgorithm());
        header.put("cipher", suite.cipherAlgorithm());
        header.put("kdf", "argon2id");
        header.put("kdf.memoryKiB", Integer.toString(kdf.memoryKiB()));
        header.put("kdf.iterations", Integer.toString(kdf.iterations()));
        header.put("kdf.parallelism", Integer.toString(kdf.parallelism()));
        header.put("kdf.salt", Base64.getEncoder().encodeToString(salt));
        header.put("createdAt", clock.instant().toString());

        SymmetricKey wrappingKey = suite.symmetricKey(kdf.derive(passphrase, salt, suite.symmetricKeyLength()));
        byte[] privateKey = keyPair.exportPrivateKey();
        byte[] sealed = suite.encrypt(wrappingKey, privateKey, associatedData(header));
        Arrays.fill(privateKey, (byte) 0);
        wrappingKey.destroy();

        StringBuilder text = new StringBuilder("# TDS node signing key. Sealed under the node key passphrase.\n");
        header.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        text.append("sealed=")
                .append(Base64.getEncoder().encodeToString(sealed))
                .append('\n');
        writeAtomically(file, text.toString());
    }

    private static Map<String, String> header(Properties fields) {
        Map<String, String> header = new LinkedHashMap<>();
        for (String name : new String[] {
            "format",
            "suite",
            "keyId",
            "publicKey",
            "signatureAlgorithm",
            "cipher",
            "kdf",
            "kdf.memoryKiB",
            "kdf.iterations",
            "kdf.parallelism",
            "kdf.salt",
            "createdAt"
        }) {
            String value = fields.getProperty(name);
            if (value == null) {
                throw new IllegalArgumentException("missing field " + name);
            }
            header.put(name, value);
        }
        return header;
    }

    private static byte[] associatedData(Map<String, String> header) {
        StringBuilder text = new StringBuilder();
        header.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Result<SigningKeyPair> corrupt(Path file, String why) {
        return Result.fail(Problem.invalidInput("key-file-corrupt", "key file " + file + " is unreadable: " + why));
    }

    private static Properties read(Path file) {
        Properties fields = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            fields.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file, e);
        }
        return fields;
    }

    private static void writeAtomically(Path file, String content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                restrictToOwner(temp);
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write key file " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // non-POSIX file systems keep their default permissions
        }
    }
}
