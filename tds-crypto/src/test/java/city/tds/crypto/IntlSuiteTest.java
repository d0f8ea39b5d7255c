package city.tds.crypto;

import static city.tds.crypto.Hex.bytes;
import static city.tds.crypto.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntlSuiteTest extends CryptoSuiteContract {

    @Override
    protected CryptoSuite suite(SecureRandom random) {
        return new IntlSuite(random);
    }

    // FIPS 180-4 example "abc"
    @Test
    void sha256KnownAnswer() {
        assertThat(hex(suite.hash("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    // RFC 4231, test case 2: HMAC-SHA-256 with key "Jefe"
    @Test
    void hmacSha256KnownAnswer() {
        byte[] mac = suite.mac(
                "Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertThat(hex(mac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    // The GCM specification (McGrew & Viega), test case 16: AES-256 with associated data
    @Test
    void aes256GcmKnownAnswer() {
        IntlSuite intl = (IntlSuite) suite;
        SymmetricKey key = intl.symmetricKey(bytes("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"));
        byte[] sealed = intl.seal(
                key,
                bytes("cafebabefacedbaddecaf888"),
                bytes("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                        + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"),
                bytes("feedfacedeadbeeffeedfacedeadbeefabaddad2"));
        assertThat(hex(sealed))
                .isEqualTo("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                        + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
                        + "76fc6ece0f4e1768cddf8853bb2d551b");
    }

    // RFC 8032, section 7.1, tests 1-3
    @ParameterizedTest
    @CsvSource({
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
                + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a,"
                + ","
                + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
                + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c,"
                + "72,"
                + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7,"
                + "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025,"
                + "af82,"
                + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
    })
    void ed25519KnownAnswers(String secret, String publicKey, String message, String signature) {
        byte[] msg = message == null ? new byte[0] : bytes(message);
        SigningKeyPair keys = suite.restoreSigningKeyPair(bytes(secret));

        assertThat(hex(keys.publicKey().encoded())).isEqualTo(publicKey);
        assertThat(hex(suite.sign(keys, msg))).isEqualTo(signature);
        assertThat(suite.verify(suite.readPublicKey(bytes(publicKey)).orElseThrow(), msg, bytes(signature)))
                .isTrue();
    }

    @Test
    void namesTheInternationalAlgorithms() {
        assertThat(suite.id()).isEqualTo(SuiteId.INTL);
        assertThat(suite.hashAlgorithm()).isEqualTo("SHA-256");
        assertThat(suite.signatureAlgorithm()).isEqualTo("Ed25519");
        assertThat(suite.cipherAlgorithm()).isEqualTo("AES-256-GCM");
        assertThat(suite.symmetricKeyLength()).isEqualTo(32);
    }
}
