package city.tds.dataplane.received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.CryptoSuites;
import city.tds.crypto.SuiteId;
import city.tds.dataplane.stream.ContentDigest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CopyFileTest {

    @TempDir
    Path dir;

    private static byte[] data(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static CopyFile.Keying keying(SuiteId id) {
        CryptoSuite suite = CryptoSuites.create(id, new SecureRandom());
        return new CopyFile.Keying(suite, suite.newSymmetricKey(), "copy-1");
    }

    private static byte[] readAll(Path file, CopyFile.Keying keying) throws IOException {
        try (InputStream in = CopyReader.open(file, keying)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void whatIsWrittenReadsBackAndIsNotStoredInTheClear(SuiteId id) throws IOException {
        CopyFile.Keying keying = keying(id);
        byte[] data = data(2 * CopyFile.CHUNK + 12_345);
        Path file = dir.resolve("c.copy");
        ContentDigest digest = new ContentDigest(keying.suite(), false, false);
        try (CopyWriter writer = CopyWriter.open(file, keying, digest)) {
            writer.write(data, 0, 1000);
            writer.write(data, 1000, data.length - 1000);
            writer.finish();
        }

        assertThat(readAll(file, keying)).isEqualTo(data);
        assertThat(digest.finish().digest())
                .isEqualTo(HexFormat.of().formatHex(keying.suite().hash(data)));
        byte[] stored = Files.readAllBytes(file);
        assertThat(indexOf(stored, Arrays.copyOfRange(data, 5000, 5032))).isEqualTo(-1);
    }

    @Test
    void anInterruptedCopyResumesFromItsLastWholeChunk() throws IOException {
        CopyFile.Keying keying = keying(SuiteId.GM);
        byte[] data = data(3 * CopyFile.CHUNK);
        Path file = dir.resolve("c.copy");
        try (CopyWriter writer = CopyWriter.open(file, keying, new ContentDigest(keying.suite(), false, false))) {
            writer.write(data, 0, CopyFile.CHUNK + 500);
            writer.checkpoint();
        }
        // a torn chunk at the end, as a crash mid-write leaves it
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {0, 0, 1, 0, 7, 7, 7}));
        }

        ContentDigest digest = new ContentDigest(keying.suite(), false, false);
        try (CopyWriter writer = CopyWriter.open(file, keying, digest)) {
            assertThat(writer.offset()).isEqualTo(CopyFile.CHUNK + 500);
            writer.write(data, (int) writer.offset(), data.length - (int) writer.offset());
            writer.finish();
        }

        assertThat(readAll(file, keying)).isEqualTo(data);
        assertThat(digest.finish().digest())
                .isEqualTo(HexFormat.of().formatHex(keying.suite().hash(data)));
        assertThatThrownBy(() -> CopyWriter.open(file, keying, new ContentDigest(keying.suite(), false, false)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("finished copy");
    }

    @Test
    void aCopyCutShortOrAlteredIsNeverReadAsShorterData() throws IOException {
        CopyFile.Keying keying = keying(SuiteId.GM);
        byte[] data = data(CopyFile.CHUNK + 10);
        Path file = dir.resolve("c.copy");
        try (CopyWriter writer = CopyWriter.open(file, keying, new ContentDigest(keying.suite(), false, false))) {
            writer.write(data, 0, data.length);
            writer.finish();
        }
        byte[] whole = Files.readAllBytes(file);

        Path cut = dir.resolve("cut.copy");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 40)); // the last chunk lost
        assertThatThrownBy(() -> readAll(cut, keying)).hasMessageContaining("incomplete");

        Path withoutLast = dir.resolve("first-chunk-only.copy");
        Files.write(withoutLast, Arrays.copyOf(whole, 8 + 4 + CopyFile.CHUNK + CopyFile.OVERHEAD));
        assertThatThrownBy(() -> readAll(withoutLast, keying)).hasMessageContaining("incomplete");

        byte[] altered = whole.clone();
        altered[100] ^= 1;
        Path tampered = dir.resolve("tampered.copy");
        Files.write(tampered, altered);
        assertThatThrownBy(() -> readAll(tampered, keying)).hasMessageContaining("does not authenticate");

        CopyFile.Keying otherCopy = new CopyFile.Keying(keying.suite(), keying.key(), "copy-2");
        assertThatThrownBy(() -> readAll(file, otherCopy)).hasMessageContaining("does not authenticate");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
