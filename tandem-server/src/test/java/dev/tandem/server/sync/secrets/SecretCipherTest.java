package dev.tandem.server.sync.secrets;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTest {

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private final SecretCipher cipher = new SecretCipher(key());

    @Test
    void encryptedValueDecryptsToThePlaintextAndDoesNotContainIt() {
        String stored = cipher.encrypt("password", "tandem-password");

        assertThat(stored).startsWith("v1:").doesNotContain("tandem-password");
        assertThat(cipher.decrypt("password", stored)).isEqualTo("tandem-password");
    }

    @Test
    void sameSecretEncryptsDifferentlyEachTime() {
        assertThat(cipher.encrypt("password", "same")).isNotEqualTo(cipher.encrypt("password", "same"));
    }

    @Test
    void ciphertextMovedToAnotherPurposeDoesNotDecrypt() {
        String stored = cipher.encrypt("password", "secret");

        assertThatThrownBy(() -> cipher.decrypt("clientSecret", stored))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("clientSecret")
                .hasMessageNotContaining("secret'");
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String stored = cipher.encrypt("password", "secret");

        assertThatThrownBy(() -> new SecretCipher(key()).decrypt("password", stored))
                .isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void alteredCiphertextIsRejected() {
        String stored = cipher.encrypt("password", "secret");
        byte[] raw = java.util.Base64.getDecoder().decode(stored.substring(3));
        raw[raw.length - 1] ^= 1;
        String altered = "v1:" + java.util.Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> cipher.decrypt("password", altered)).isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void nullStaysNull() {
        assertThat(cipher.encrypt("password", null)).isNull();
        assertThat(cipher.decrypt("password", null)).isNull();
    }

    @Test
    void keyOfWrongLengthIsRefused() {
        assertThatThrownBy(() -> new SecretCipher(new byte[16])).hasMessageContaining("32 bytes");
    }
}
