package city.tds.governance.mask;

import city.tds.crypto.SuiteId;
import java.util.BitSet;

/**
 * Algorithm {@code fpe-mobile}: replaces a mainland mobile number with another under a key. The three-digit network
 * segment (号段, such as 138 or 199) stays; the last eight digits are encrypted with FF1 ({@link Ff1Cipher}, the
 * segment as tweak), so different numbers never give the same result. Separators and a country prefix stay where
 * they are: {@code +86 138-1234-5678} keeps {@code +86 138-} and its dash.
 *
 * <p>A value is a mobile number when it has, besides spaces and dashes and an optional leading {@code +}, exactly 11
 * digits (or 13 starting with {@code 86}, or 15 starting with {@code 0086}) whose first three form an allocated
 * segment (130–139, 145–149, 150–153, 155–159, 162, 165–167, 170–178, 180–199 without 194). Anything else is masked
 * entirely with {@code *}.
 */
public final class MobileNumberFpe implements MaskingAlgorithm {

    private static final BitSet SEGMENTS = new BitSet(200);

    static {
        SEGMENTS.set(130, 140);
        SEGMENTS.set(145, 150);
        SEGMENTS.set(150, 154);
        SEGMENTS.set(155, 160);
        SEGMENTS.set(162);
        SEGMENTS.set(165, 168);
        SEGMENTS.set(170, 179);
        SEGMENTS.set(180, 200);
        SEGMENTS.clear(194);
    }

    private final Ff1Cipher cipher;

    public MobileNumberFpe(SuiteId suite, byte[] maskingKey) {
        this.cipher = new Ff1Cipher(suite, maskingKey, "fpe-mobile", 10);
    }

    /** Whether {@code segment} (three digits as a number) is an allocated mobile segment. */
    public static boolean isSegment(int segment) {
        return segment >= 100 && segment < 200 && SEGMENTS.get(segment);
    }

    @Override
    public String mask(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int n = value.length();
        int[] positions = new int[15];
        int count = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                if (count == positions.length) {
                    return CodePoints.maskAll(value, '*');
                }
                positions[count++] = i;
            } else if (!(c == ' ' || c == '-' || (c == '+' && i == 0))) {
                return CodePoints.maskAll(value, '*');
            }
        }
        int skip = count == 11 ? 0 : count == 13 ? 2 : count == 15 ? 4 : -1;
        if (skip < 0
                || (skip == 2 && !startsWith(value, positions, "86"))
                || (skip == 4 && !startsWith(value, positions, "0086"))) {
            return CodePoints.maskAll(value, '*');
        }
        int segment = 0;
        for (int i = skip; i < skip + 3; i++) {
            segment = segment * 10 + value.charAt(positions[i]) - '0';
        }
        if (!isSegment(segment)) {
            return CodePoints.maskAll(value, '*');
        }
        byte[] tweak = {(byte) (segment / 100), (byte) (segment / 10 % 10), (byte) (segment % 10)};
        byte[] block = new byte[8];
        for (int i = 0; i < 8; i++) {
            block[i] = (byte) (value.charAt(positions[skip + 3 + i]) - '0');
        }
        cipher.encrypt(tweak, block);
        char[] out = value.toCharArray();
        for (int i = 0; i < 8; i++) {
            out[positions[skip + 3 + i]] = (char) ('0' + block[i]);
        }
        return new String(out);
    }

    private static boolean startsWith(String value, int[] positions, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (value.charAt(positions[i]) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
