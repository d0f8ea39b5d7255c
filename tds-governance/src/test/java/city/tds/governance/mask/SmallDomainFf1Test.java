package city.tds.governance.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class SmallDomainFf1Test {

    @Test
    void matchesTheNistSamplesForAes128() {
        // SP 800-38G samples 1 and 2: FF1-AES128, radix 10, 0123456789
        byte[] key = HexFormat.of().parseHex("2B7E151628AED2A6ABF7158809CF4F3C");
        assertThat(encrypt(aes(key), 10, new byte[0], "0123456789")).isEqualTo("2433477484");
        assertThat(encrypt(aes(key), 10, HexFormat.of().parseHex("39383736353433323130"), "0123456789"))
                .isEqualTo("6124200773");
    }

    @Test
    void givesWhatBouncyCastlesFf1GivesForEveryRadixLengthAndTweakWeUse() {
        SplittableRandom random = new SplittableRandom(20261202);
        int[][] shapes = {{10, 6}, {10, 8}, {10, 10}, {31, 8}, {36, 9}, {10, 7}, {26, 5}};
        for (boolean gm : new boolean[] {true, false}) {
            byte[] key = new byte[gm ? 16 : 32];
            random.nextBytes(key);
            for (int[] shape : shapes) {
                int radix = shape[0];
                int n = shape[1];
                SmallDomainFf1 ours = new SmallDomainFf1(cipher(gm, key), radix, n);
                for (int trial = 0; trial < 300; trial++) {
                    byte[] tweak = new byte[random.nextInt(0, 40)];
                    random.nextBytes(tweak);
                    byte[] numerals = new byte[n];
                    for (int i = 0; i < n; i++) {
                        numerals[i] = (byte) random.nextInt(radix);
                    }
                    FPEFF1Engine reference = new FPEFF1Engine(gm ? new SM4Engine() : AESEngine.newInstance());
                    reference.init(true, new FPEParameters(new KeyParameter(key), radix, tweak));
                    byte[] expected = new byte[n];
                    reference.processBlock(numerals, 0, n, expected, 0);
                    byte[] actual = numerals.clone();
                    ours.encrypt(tweak, actual);
                    assertThat(actual)
                            .as("radix %d, n %d, tweak %d bytes, %s", radix, n, tweak.length, gm ? "SM4" : "AES")
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void refusesDomainsTooLargeForLongs() {
        assertThatThrownBy(() -> new SmallDomainFf1(aes(new byte[16]), 10, 40))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String encrypt(BlockCipher cipher, int radix, byte[] tweak, String digits) {
        byte[] numerals = new byte[digits.length()];
        for (int i = 0; i < numerals.length; i++) {
            numerals[i] = (byte) (digits.charAt(i) - '0');
        }
        new SmallDomainFf1(cipher, radix, numerals.length).encrypt(tweak, numerals);
        StringBuilder out = new StringBuilder();
        for (byte b : numerals) {
            out.append((char) ('0' + b));
        }
        return out.toString();
    }

    private static BlockCipher aes(byte[] key) {
        return cipher(false, key);
    }

    private static BlockCipher cipher(boolean gm, byte[] key) {
        BlockCipher cipher = gm ? new SM4Engine() : AESEngine.newInstance();
        cipher.init(true, new KeyParameter(key));
        return cipher;
    }
}
