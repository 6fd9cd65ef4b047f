package dev.tandem.server.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretHasherTest {
    private final SecretHasher hasher = new SecretHasher(1_000);

    @Test
    void theRightSecretMatchesItsHash() {
        String hash = hasher.hash("s3cret");

        assertThat(hasher.matches("s3cret", hash)).isTrue();
    }

    @Test
    void aWrongSecretDoesNotMatch() {
        String hash = hasher.hash("s3cret");

        assertThat(hasher.matches("s3cret!", hash)).isFalse();
    }

    @Test
    void hashesAreSaltedSoTheSameSecretHashesDifferently() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void theHashNeverContainsTheSecret() {
        assertThat(hasher.hash("visible-secret")).doesNotContain("visible-secret").startsWith("pbkdf2-sha256$1000$");
    }

    @Test
    void aMalformedStoredHashMatchesNothing() {
        assertThat(hasher.matches("x", "plain-text")).isFalse();
        assertThat(hasher.matches("x", "pbkdf2-sha256$abc$$")).isFalse();
    }

    @Test
    void aHashKeepsItsOwnWorkFactorWhenTheDefaultChanges() {
        String old = new SecretHasher(500).hash("s3cret");

        assertThat(new SecretHasher(2_000).matches("s3cret", old)).isTrue();
    }
}
