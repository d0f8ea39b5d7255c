package city.tds.governance.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.tds.crypto.SuiteId;
import city.tds.governance.mask.KeyedHash.Encoding;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class KeyedHashTest {

    private static final byte[] KEY = "a masking key of 32 bytes, yes..".getBytes(StandardCharsets.US_ASCII);

    @Test
    void isHmacSha256UnderTheDerivedKeyInIntl() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        byte[] derived = mac.doFinal("tds-mask/hash".getBytes(StandardCharsets.US_ASCII));
        mac.init(new SecretKeySpec(derived, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("13812345678".getBytes(StandardCharsets.UTF_8)));

        assertThat(new KeyedHash(SuiteId.INTL, KEY, Encoding.HEX, 0).mask("13812345678"))
                .isEqualTo(expected);
    }

    @Test
    void isHmacSm3UnderTheDerivedKeyInGm() {
        byte[] derived = hmacSm3(KEY, "tds-mask/hash".getBytes(StandardCharsets.US_ASCII));
        String expected = HexFormat.of().formatHex(hmacSm3(derived, "张三".getBytes(StandardCharsets.UTF_8)));

        KeyedHash hash = new KeyedHash(SuiteId.GM, KEY, Encoding.HEX, 0);
        assertThat(hash.mask("张三")).isEqualTo(expected).hasSize(64);
        assertThat(hash.length()).isEqualTo(64);
    }

    @Test
    void writesBase32AndTruncates() {
        byte[] derived = hmacSm3(KEY, "tds-mask/hash".getBytes(StandardCharsets.US_ASCII));
        byte[] mac = hmacSm3(derived, "张三".getBytes(StandardCharsets.UTF_8));
        String expected = base32(mac);

        assertThat(new KeyedHash(SuiteId.GM, KEY, Encoding.BASE32, 0).mask("张三"))
                .isEqualTo(expected)
                .hasSize(52);
        assertThat(new KeyedHash(SuiteId.GM, KEY, Encoding.BASE32, 16).mask("张三"))
                .isEqualTo(expected.substring(0, 16));
        assertThat(new KeyedHash(SuiteId.GM, KEY, Encoding.HEX, 10).mask("张三"))
                .isEqualTo(HexFormat.of().formatHex(mac).substring(0, 10));
    }

    @Test
    void isDeterministicPerKeyAndSuite() {
        KeyedHash gm = new KeyedHash(SuiteId.GM, KEY, Encoding.HEX, 0);
        assertThat(gm.mask("x")).isEqualTo(new KeyedHash(SuiteId.GM, KEY.clone(), Encoding.HEX, 0).mask("x"));
        assertThat(gm.mask("x")).isNotEqualTo(new KeyedHash(SuiteId.INTL, KEY, Encoding.HEX, 0).mask("x"));
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertThat(gm.mask("x")).isNotEqualTo(new KeyedHash(SuiteId.GM, other, Encoding.HEX, 0).mask("x"));
        assertThat(gm.mask("x")).isNotEqualTo(gm.mask("y"));
    }

    @Test
    void leavesNullAndEmptyAloneAndRefusesALengthTooLong() {
        KeyedHash hash = new KeyedHash(SuiteId.GM, KEY, Encoding.HEX, 8);
        assertThat(hash.mask(null)).isNull();
        assertThat(hash.mask("")).isEmpty();
        assertThatThrownBy(() -> new KeyedHash(SuiteId.GM, KEY, Encoding.HEX, 65))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] hmacSm3(byte[] key, byte[] data) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[32];
        mac.doFinal(out, 0);
        return out;
    }

    /** RFC 4648 base32 without padding, the slow way: the MAC as one big number, five bits at a time. */
    private static String base32(byte[] bytes) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        int chars = (bytes.length * 8 + 4) / 5;
        BigInteger number = new BigInteger(1, bytes).shiftLeft(chars * 5 - bytes.length * 8);
        StringBuilder out = new StringBuilder();
        for (int i = chars - 1; i >= 0; i--) {
            out.append(alphabet.charAt(number.shiftRight(i * 5).intValue() & 31));
        }
        return out.toString();
    }
}
