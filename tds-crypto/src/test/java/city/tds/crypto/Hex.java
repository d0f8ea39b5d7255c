package city.tds.crypto;

import java.util.HexFormat;

final class Hex {
    private Hex() {}

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", "").toLowerCase(java.util.Locale.ROOT));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
