package city.tds.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.tds.crypto.Argon2idParameters;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(new Argon2idParameters(64, 1, 1), new SecureRandom());

    @Test
    void theRightPasswordMatchesAndOthersDoNot() {
        String hash = hasher.hash("correct horse battery".toCharArray());
        assertThat(hash).startsWith("$argon2id$v=19$m=64,t=1,p=1$").doesNotContain("correct");
        assertThat(hasher.matches("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(hasher.matches("correct horse batterY".toCharArray(), hash)).isFalse();
        assertThat(hasher.hash("correct horse battery".toCharArray())).isNotEqualTo(hash);
    }

    @Test
    void theCostIsReadFromTheHashSoItCanBeRaisedLater() {
        String cheap = hasher.hash("another password".toCharArray());
        PasswordHasher stronger = new PasswordHasher(new Argon2idParameters(256, 2, 1), new SecureRandom());
        assertThat(stronger.matches("another password".toCharArray(), cheap)).isTrue();
    }

    @Test
    void malformedHashesNeverMatch() {
        assertThat(hasher.matches("x".toCharArray(), "$argon2id$nonsense")).isFalse();
        assertThat(hasher.matches("x".toCharArray(), "plain")).isFalse();
    }

    @Test
    void generatedSecretsGetTheLowCostAndShortOnesAreRefused() {
        PasswordHasher strong = new PasswordHasher(new Argon2idParameters(256, 2, 1), new SecureRandom());
        String secret = "Qm9vdHN0cmFwU2VjcmV0MTIzNDU2";
        String hash = strong.hashRandomSecret(secret.toCharArray());
        assertThat(hash).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(strong.matches(secret.toCharArray(), hash)).isTrue();
        assertThat(strong.hash(secret.toCharArray())).startsWith("$argon2id$v=19$m=256,t=2,p=1$");
        assertThatThrownBy(() -> strong.hashRandomSecret("short-guessable".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
