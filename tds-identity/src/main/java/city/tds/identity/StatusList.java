package city.tds.identity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Collection;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A W3C Bitstring Status List: one bit per credential, set when it is revoked. At least 131,072 bits (16 KiB) so
 * that a list does not reveal how many credentials exist; encoded as GZIP, then Multibase base64url ({@code u}...).
 * Bit 0 is the left-most bit of the first byte.
 */
public final class StatusList {

    public static final int SIZE = 131_072;

    private StatusList() {}

    public static String encode(Collection<Integer> setBits) {
        byte[] bits = new byte[SIZE / 8];
        for (int index : setBits) {
            if (index < 0 || index >= SIZE) {
                throw new IllegalArgumentException("status index out of range: " + index);
            }
            bits[index / 8] |= (byte) (0x80 >>> (index % 8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /**
     * Whether bit {@code index} is set in an encoded list.
     *
     * @throws IllegalArgumentException if the list is not a valid encoding or too short
     */
    public static boolean isSet(String encodedList, int index) {
        if (encodedList == null || !encodedList.startsWith("u")) {
            throw new IllegalArgumentException("an encoded status list starts with the multibase prefix 'u'");
        }
        byte[] bits;
        try (GZIPInputStream gzip = new GZIPInputStream(
                new ByteArrayInputStream(Base64.getUrlDecoder().decode(encodedList.substring(1))))) {
            bits = gzip.readNBytes(SIZE / 8 + 1);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the status list is not GZIP in base64url: " + e.getMessage());
        }
        if (bits.length < SIZE / 8 || index < 0 || index / 8 >= bits.length) {
            throw new IllegalArgumentException("the status list is too short for index " + index);
        }
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }
}
