package city.tds.crypto;

import static city.tds.crypto.Hex.bytes;
import static city.tds.crypto.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class GmSuiteTest extends CryptoSuiteContract {

    @Override
    protected CryptoSuite suite(SecureRandom random) {
        return new GmSuite(random);
    }

    // GB/T 32905-2016 (SM3), appendix A examples 1 and 2
    @Test
    void sm3KnownAnswers() {
        assertThat(hex(suite.hash("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(hex(suite.hash("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    // GB/T 32907-2016 (SM4), appendix A example 1: one block, key = plaintext
    @Test
    void sm4BlockKnownAnswer() {
        BlockCipher sm4 = ((GmSuite) suite).newBlockCipher();
        sm4.init(true, new KeyParameter(bytes("0123456789abcdeffedcba9876543210")));
        byte[] out = new byte[16];
        sm4.processBlock(bytes("0123456789abcdeffedcba9876543210"), 0, out, 0);
        assertThat(hex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    // RFC 8998, appendix A.1: SM4-GCM
    @Test
    void sm4GcmKnownAnswer() {
        GmSuite gm = (GmSuite) suite;
        SymmetricKey key = gm.symmetricKey(bytes("0123456789ABCDEFFEDCBA9876543210"));
        byte[] nonce = bytes("00001234567800000000ABCD");
        byte[] aad = bytes("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        byte[] plaintext = bytes("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
                + "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
        String expected = "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                + "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d"
                + "83de3541e4c2b58177e065a9bf7b62ec";

        byte[] sealed = gm.seal(key, nonce, plaintext, aad);
        assertThat(hex(sealed)).isEqualTo(expected);

        byte[] withNonce = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, withNonce, 0, nonce.length);
        System.arraycopy(sealed, 0, withNonce, nonce.length, sealed.length);
        assertThat(gm.decrypt(key, withNonce, aad))
                .hasValueSatisfying(p -> assertThat(p).isEqualTo(plaintext));
    }

    // GB/T 32918.5-2017 (GM/T 0003.5) appendix A: signature over the recommended curve, user id 1234567812345678
    private static final String PRIVATE_KEY = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8";
    private static final String PUBLIC_KEY = "04"
            + "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"
            + "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13";
    private static final String K = "59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21";
    private static final String SIGNATURE = "F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3"
            + "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA";
    private static final byte[] MESSAGE = "message digest".getBytes(StandardCharsets.US_ASCII);

    @Test
    void sm2SignatureKnownAnswer() {
        GmSuite withPublishedK = new GmSuite(new FixedRandom(bytes(K)));
        SigningKeyPair keys = withPublishedK.restoreSigningKeyPair(bytes(PRIVATE_KEY));

        assertThat(hex(keys.publicKey().encoded())).isEqualToIgnoringCase(PUBLIC_KEY);
        assertThat(hex(withPublishedK.sign(keys, MESSAGE))).isEqualToIgnoringCase(SIGNATURE);
    }

    @Test
    void sm2PublishedSignatureVerifies() {
        SigningPublicKey publicKey = suite.readPublicKey(bytes(PUBLIC_KEY)).orElseThrow();
        assertThat(suite.verify(publicKey, MESSAGE, bytes(SIGNATURE))).isTrue();
        assertThat(suite.verify(publicKey, "message digesT".getBytes(StandardCharsets.US_ASCII), bytes(SIGNATURE)))
                .isFalse();
    }

    @Test
    void pointsOffTheCurveAndOutOfRangeScalarsAreRefused() {
        byte[] offCurve = bytes(PUBLIC_KEY);
        offCurve[64] ^= 1;
        assertThat(suite.readPublicKey(offCurve)).isEmpty();
        byte[] compressedPrefix = bytes(PUBLIC_KEY);
        compressedPrefix[0] = 0x02;
        assertThat(suite.readPublicKey(compressedPrefix)).isEmpty();
        assertThatThrownBy(() -> suite.restoreSigningKeyPair(new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> suite.restoreSigningKeyPair(bytes("FF".repeat(32))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesTheGmAlgorithms() {
        assertThat(suite.id()).isEqualTo(SuiteId.GM);
        assertThat(suite.hashAlgorithm()).isEqualTo("SM3");
        assertThat(suite.signatureAlgorithm()).isEqualTo("SM2-SM3");
        assertThat(suite.cipherAlgorithm()).isEqualTo("SM4-GCM");
        assertThat(suite.symmetricKeyLength()).isEqualTo(16);
    }
}
