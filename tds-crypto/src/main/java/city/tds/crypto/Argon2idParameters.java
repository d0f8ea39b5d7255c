package city.tds.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Cost parameters of Argon2id (RFC 9106), the memory-hard function that turns a passphrase into a key.
 *
 * @param memoryKiB memory cost in KiB
 * @param iterations number of passes
 * @param parallelism lanes
 */
public record Argon2idParameters(int memoryKiB, int iterations, int parallelism) {

    /** 19 MiB, 2 passes, 1 lane: the OWASP baseline for Argon2id; about 0.1 s on one core. */
    public static final Argon2idParameters DEFAULT = new Argon2idParameters(19 * 1024, 2, 1);

    public Argon2idParameters {
        if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1 || memoryKiB > 4 * 1024 * 1024) {
            throw new IllegalArgumentException(
                    "invalid Argon2id parameters " + memoryKiB + "/" + iterations + "/" + parallelism);
        }
    }

    /** Derives {@code length} key bytes from a passphrase and salt. */
    public byte[] derive(char[] passphrase, byte[] salt, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] password = utf8(passphrase);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(password, out);
            return out;
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }
}
