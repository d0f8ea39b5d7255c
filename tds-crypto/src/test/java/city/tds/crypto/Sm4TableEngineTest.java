package city.tds.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/** The table-driven SM4 gives the standard's answers, and BouncyCastle's, block by block, both ways. */
class Sm4TableEngineTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] STANDARD = HEX.parseHex("0123456789abcdeffedcba9876543210");

    @Test
    void theStandardsExampleEncryptsAndDecrypts() {
        Sm4TableEngine sm4 = new Sm4TableEngine();
        sm4.init(true, new KeyParameter(STANDARD));
        byte[] out = new byte[16];
        sm4.processBlock(STANDARD, 0, out, 0);
        assertThat(HEX.formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");

        sm4.init(false, new KeyParameter(STANDARD));
        byte[] back = new byte[16];
        sm4.processBlock(out, 0, back, 0);
        assertThat(back).isEqualTo(STANDARD);
    }

    @Test
    void theStandardsMillionfoldExampleHolds() {
        Sm4TableEngine sm4 = new Sm4TableEngine();
        sm4.init(true, new KeyParameter(STANDARD));
        byte[] block = STANDARD.clone();
        for (int i = 0; i < 1_000_000; i++) {
            sm4.processBlock(block, 0, block, 0);
        }
        assertThat(HEX.formatHex(block)).isEqualTo("595298c7c6fd271f0402f804c33d3f66");
    }

    @Test
    void everyBlockIsBouncyCastlesToo() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            byte[] key = new byte[16];
            byte[] block = new byte[48];
            random.nextBytes(key);
            random.nextBytes(block);
            for (boolean encrypt : new boolean[] {true, false}) {
                Sm4TableEngine ours = new Sm4TableEngine();
                SM4Engine theirs = new SM4Engine();
                ours.init(encrypt, new KeyParameter(key));
                theirs.init(encrypt, new KeyParameter(key));
                byte[] a = new byte[48];
                byte[] b = new byte[48];
                ours.processBlock(block, 16, a, 32);
                theirs.processBlock(block, 16, b, 32);
                assertThat(a).as("round %d, encrypt %s", round, encrypt).isEqualTo(b);
            }
        }
    }

    @Test
    void keysOtherThan128BitsAndShortBuffersAreRefused() {
        Sm4TableEngine sm4 = new Sm4TableEngine();
        assertThatThrownBy(() -> sm4.processBlock(new byte[16], 0, new byte[16], 0))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sm4.init(true, new KeyParameter(new byte[24])))
                .isInstanceOf(IllegalArgumentException.class);
        sm4.init(true, new KeyParameter(STANDARD));
        assertThatThrownBy(() -> sm4.processBlock(new byte[15], 0, new byte[16], 0))
                .isInstanceOf(org.bouncycastle.crypto.DataLengthException.class);
        assertThatThrownBy(() -> sm4.processBlock(new byte[16], 0, new byte[20], 8))
                .isInstanceOf(org.bouncycastle.crypto.OutputLengthException.class);
    }
}
