package city.tds.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import city.tds.core.ProblemKind;
import city.tds.core.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeKeyFileTest {

    // cheap parameters keep the test fast; production uses Argon2idParameters.DEFAULT
    private static final Argon2idParameters CHEAP = new Argon2idParameters(64, 1, 1);
    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final CryptoSuite gm = new GmSuite(new SecureRandom());
    private final NodeKeyFile keyFile = new NodeKeyFile(gm, CHEAP, CLOCK);

    @Test
    void createsOnFirstStartAndReopensTheSameKey() throws IOException {
        Path file = dir.resolve("keys/node-signing.key");

        SigningKeyPair created = keyFile.openOrCreate(file, PASSPHRASE).value();
        SigningKeyPair reopened = keyFile.openOrCreate(file, PASSPHRASE).value();

        assertThat(reopened.publicKey()).isEqualTo(created.publicKey());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file))
                .contains("suite=GM", "cipher=SM4-GCM", "kdf=argon2id", "keyId=" + created.keyId())
                .doesNotContain(Hex.hex(created.exportPrivateKey()));
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aWrongPassphraseIsRefused() {
        Path file = dir.resolve("node.key");
        keyFile.openOrCreate(file, PASSPHRASE);

        Result<SigningKeyPair> wrong = keyFile.open(file, "incorrect horse".toCharArray());

        assertThat(wrong.isOk()).isFalse();
        assertThat(wrong.problem().code()).isEqualTo("wrong-key-passphrase");
        assertThat(wrong.problem().kind()).isEqualTo(ProblemKind.UNAUTHENTICATED);
    }

    @Test
    void editingAnyFieldOfTheFileMakesItFailToOpen() throws IOException {
        Path file = dir.resolve("node.key");
        SigningKeyPair keys = keyFile.openOrCreate(file, PASSPHRASE).value();
        String original = Files.readString(file);
        String otherKey = gm.generateSigningKeyPair().publicKey().toBase64();

        Files.writeString(file, original.replace(keys.publicKey().toBase64(), otherKey));
        assertThat(keyFile.open(file, PASSPHRASE).isOk()).isFalse();

        Files.writeString(file, original.replace("kdf.iterations=1", "kdf.iterations=2"));
        assertThat(keyFile.open(file, PASSPHRASE).isOk()).isFalse();

        Files.writeString(file, original.replace("createdAt=2026", "createdAt=2025"));
        assertThat(keyFile.open(file, PASSPHRASE).isOk()).isFalse();

        Files.writeString(file, "format=something-else\n");
        assertThat(keyFile.open(file, PASSPHRASE).problem().code()).isEqualTo("key-file-corrupt");

        Files.writeString(
                file, original.lines().filter(l -> !l.startsWith("sealed=")).reduce("", (a, b) -> a + b + "\n"));
        assertThat(keyFile.open(file, PASSPHRASE).problem().code()).isEqualTo("key-file-corrupt");
    }

    @Test
    void aKeyOfTheOtherSuiteIsRefused() {
        Path file = dir.resolve("node.key");
        new NodeKeyFile(new IntlSuite(new SecureRandom()), CHEAP, CLOCK).openOrCreate(file, PASSPHRASE);

        Result<SigningKeyPair> opened = keyFile.open(file, PASSPHRASE);

        assertThat(opened.problem().code()).isEqualTo("key-suite-mismatch");
    }

    @Test
    void aShortPassphraseIsRefusedBeforeAnythingIsWritten() {
        Path file = dir.resolve("node.key");

        Result<SigningKeyPair> created = keyFile.openOrCreate(file, "short".toCharArray());

        assertThat(created.problem().code()).isEqualTo("weak-key-passphrase");
        assertThat(file).doesNotExist();
    }

    @Test
    void theDefaultCostDerivesAKeyOfTheRequestedLength() {
        byte[] key = Argon2idParameters.DEFAULT.derive(PASSPHRASE, new byte[16], 16);
        assertThat(key).hasSize(16);
        assertThat(Argon2idParameters.DEFAULT.derive(PASSPHRASE, new byte[16], 16))
                .isEqualTo(key);
    }
}
