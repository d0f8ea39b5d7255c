package city.tds.governance.mask;

import org.bouncycastle.crypto.BlockCipher;

/**
 * FF1 (NIST SP 800-38G, algorithm 7) for short numeral strings, whose halves fit in a {@code long}: the arithmetic is
 * done in longs instead of big integers, and the CBC-MAC of the fixed parts of its PRF input (the block {@code P},
 * which depends only on the radix, the length and the tweak's length, and the tweak's own blocks) is computed once
 * instead of in every round, so each of the ten rounds costs one block encryption. It gives the same output as any
 * FF1 for the same key, radix, tweak and input (a test checks it against BouncyCastle's {@code FPEFF1Engine}).
 *
 * <p>Not thread-safe (the block cipher and the buffers are reused); one instance per thread.
 */
final class SmallDomainFf1 {

    private static final int BLOCK = 16;

    private final BlockCipher cipher;
    private final int radix;
    private final int n;
    private final int u;
    private final int v;
    private final int b;
    private final int d;
    private final long modulusU;
    private final long modulusV;
    private final byte[] chained = new byte[BLOCK];
    private final byte[] block = new byte[BLOCK];
    private final byte[] r = new byte[BLOCK];
    private int tweakLength = -1;
    private byte[] lastTweak;
    private byte[] encryptedP;
    private byte[] prefix;

    /**
     * @param cipher a block cipher with 16-byte blocks, initialised for encryption with the FF1 key
     * @param radix 2 to 256
     * @param n the length of the strings, at least 2, with {@code radix^ceil(n/2)} below 2^55
     */
    SmallDomainFf1(BlockCipher cipher, int radix, int n) {
        if (cipher.getBlockSize() != BLOCK) {
            throw new IllegalArgumentException("FF1 needs a cipher with 16-byte blocks");
        }
        if (radix < 2 || radix > 256 || n < 2) {
            throw new IllegalArgumentException("radix 2..256 and at least 2 numerals");
        }
        this.cipher = cipher;
        this.radix = radix;
        this.n = n;
        this.u = n / 2;
        this.v = n - u;
        this.modulusU = power(radix, u);
        this.modulusV = power(radix, v);
        // b = ceil(ceil(v * log2(radix)) / 8): the bytes of radix^v - 1
        this.b = (64 - Long.numberOfLeadingZeros(modulusV - 1) + 7) / 8;
        this.d = 4 * ((b + 3) / 4) + 4;
    }

    private static long power(int radix, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= radix;
            if (result >= 1L << 55) {
                throw new IllegalArgumentException("radix^" + exponent + " is too large for the small-domain FF1");
            }
        }
        return result;
    }

    /** Encrypts {@code numerals} (each byte a numeral below the radix, {@code n} of them) in place. */
    void encrypt(byte[] tweak, byte[] numerals) {
        if (numerals.length != n) {
            throw new IllegalArgumentException("expected " + n + " numerals, got " + numerals.length);
        }
        prepare(tweak);
        long a = number(numerals, 0, u);
        long bNumber = number(numerals, u, v);
        int t = tweak.length;
        int pad = Math.floorMod(-t - b - 1, BLOCK);
        int qLength = t + pad + 1 + b;
        int lastStart = qLength - BLOCK;
        for (int i = 0; i < 10; i++) {
            // the last block of Q: its end of the tweak and padding (constant), then [i] and [NUM(B)]^b
            for (int k = 0; k < BLOCK; k++) {
                int q = lastStart + k;
                block[k] = q < t ? tweak[q] : 0;
            }
            block[BLOCK - b - 1] = (byte) i;
            long value = bNumber;
            for (int k = BLOCK - 1; k >= BLOCK - b; k--) {
                block[k] = (byte) value;
                value >>>= 8;
            }
            for (int k = 0; k < BLOCK; k++) {
                block[k] ^= prefix[k];
            }
            cipher.processBlock(block, 0, r, 0);
            // y = NUM(S) with S the first d bytes of R (d <= 12 here), taken modulo radix^m
            long modulus = (i & 1) == 0 ? modulusU : modulusV;
            long y = 0;
            for (int k = 0; k < d; k++) {
                y = (y * 256 + (r[k] & 0xFF)) % modulus;
            }
            long c = (a + y) % modulus;
            a = bNumber;
            bNumber = c;
        }
        write(a, numerals, 0, u);
        write(bNumber, numerals, u, v);
    }

    /** CBC-MAC state after P and every block of Q before its last, for this tweak. */
    private void prepare(byte[] tweak) {
        if (tweak.length != tweakLength) {
            tweakLength = tweak.length;
            byte[] p = new byte[BLOCK];
            p[0] = 1;
            p[1] = 2;
            p[2] = 1;
            p[3] = (byte) (radix >>> 16);
            p[4] = (byte) (radix >>> 8);
            p[5] = (byte) radix;
            p[6] = 10;
            p[7] = (byte) u;
            p[8] = (byte) (n >>> 24);
            p[9] = (byte) (n >>> 16);
            p[10] = (byte) (n >>> 8);
            p[11] = (byte) n;
            p[12] = (byte) (tweakLength >>> 24);
            p[13] = (byte) (tweakLength >>> 16);
            p[14] = (byte) (tweakLength >>> 8);
            p[15] = (byte) tweakLength;
            encryptedP = new byte[BLOCK];
            cipher.processBlock(p, 0, encryptedP, 0);
            lastTweak = null;
        }
        if (lastTweak != null && java.util.Arrays.equals(lastTweak, tweak)) {
            return;
        }
        int t = tweak.length;
        int pad = Math.floorMod(-t - b - 1, BLOCK);
        int blocks = (t + pad + 1 + b) / BLOCK;
        System.arraycopy(encryptedP, 0, chained, 0, BLOCK);
        for (int j = 0; j < blocks - 1; j++) {
            for (int k = 0; k < BLOCK; k++) {
                int q = j * BLOCK + k;
                block[k] = (byte) ((q < t ? tweak[q] : 0) ^ chained[k]);
            }
            cipher.processBlock(block, 0, chained, 0);
        }
        prefix = chained.clone();
        lastTweak = tweak.clone();
    }

    private long number(byte[] numerals, int from, int length) {
        long value = 0;
        for (int i = from; i < from + length; i++) {
            value = value * radix + (numerals[i] & 0xFF);
        }
        return value;
    }

    private void write(long value, byte[] numerals, int from, int length) {
        for (int i = from + length - 1; i >= from; i--) {
            numerals[i] = (byte) (value % radix);
            value /= radix;
        }
    }
}
