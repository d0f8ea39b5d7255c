package city.tds.governance.mask;

import city.tds.crypto.SuiteId;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.macs.HMac;

/**
 * Algorithm {@code hash}: a keyed pseudonym, the HMAC of the value's UTF-8 bytes under the suite's hash (HMAC-SM3 in
 * GM, HMAC-SHA-256 in INTL), written as lower-case hex or as RFC 4648 base32 (upper case, no padding), optionally cut
 * to its first {@code length} characters.
 *
 * <p>The HMAC key is derived from the masking key with the label {@code hash}, so every column hashed under the same
 * masking key and suite gives equal pseudonyms for equal values and stays joinable. Without the key the pseudonyms
 * cannot be recomputed from guessed values (unlike a plain hash of an ID number). Each thread keeps its own keyed MAC.
 */
public final class KeyedHash implements MaskingAlgorithm {

    /** How the MAC is written. */
    public enum Encoding {
        HEX(2),
        BASE32(8.0 / 5);

        private final double charsPerByte;

        Encoding(double charsPerByte) {
            this.charsPerByte = charsPerByte;
        }

        /** The number of characters that encode {@code bytes} bytes. */
        public int length(int bytes) {
            return (int) Math.ceil(bytes * charsPerByte);
        }
    }

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BASE32_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".getBytes(StandardCharsets.US_ASCII);

    private final Encoding encoding;
    private final int length;
    private final ThreadLocal<Keyed> perThread;

    private static final class Keyed {
        final HMac mac;
        final byte[] out;

        Keyed(HMac mac) {
            this.mac = mac;
            this.out = new byte[mac.getMacSize()];
        }
    }

    /**
     * @param length how many characters to keep, or 0 for the whole encoded MAC
     */
    public KeyedHash(SuiteId suite, byte[] maskingKey, Encoding encoding, int length) {
        int full = encoding.length(SuitePrimitives.newDigest(suite).getDigestSize());
        if (length < 0 || length > full) {
            throw new IllegalArgumentException("length must be between 1 and " + full + " (0 for all)");
        }
        byte[] key = SuitePrimitives.deriveKey(suite, maskingKey, "hash", 32);
        this.encoding = encoding;
        this.length = length == 0 ? full : length;
        this.perThread = ThreadLocal.withInitial(() -> new Keyed(SuitePrimitives.newMac(suite, key)));
    }

    /** The number of characters of every pseudonym. */
    public int length() {
        return length;
    }

    @Override
    public String mask(String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            return value;
        }
        Keyed keyed = perThread.get();
        byte[] data = value.getBytes(StandardCharsets.UTF_8);
        keyed.mac.update(data, 0, data.length);
        keyed.mac.doFinal(keyed.out, 0);
        byte[] text = new byte[length];
        if (encoding == Encoding.HEX) {
            hex(keyed.out, text);
        } else {
            base32(keyed.out, text);
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private static void hex(byte[] mac, byte[] text) {
        for (int i = 0; i < text.length; i++) {
            int b = mac[i >> 1] & 0xff;
            text[i] = HEX_DIGITS[(i & 1) == 0 ? b >>> 4 : b & 0x0f];
        }
    }

    private static void base32(byte[] mac, byte[] text) {
        for (int i = 0; i < text.length; i++) {
            int bit = i * 5;
            int index = bit >>> 3;
            int word = (mac[index] & 0xff) << 8 | (index + 1 < mac.length ? mac[index + 1] & 0xff : 0);
            text[i] = BASE32_DIGITS[(word >>> (11 - (bit & 7))) & 0x1f];
        }
    }
}
