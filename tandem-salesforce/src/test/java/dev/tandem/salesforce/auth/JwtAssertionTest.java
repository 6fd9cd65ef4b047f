package dev.tandem.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.salesforce.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtAssertionTest {

    static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    static String pem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void assertionCarriesSalesforceClaimsAndVerifiesWithThePublicKey() throws Exception {
        KeyPair keys = rsa();
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        String jwt = JwtAssertion.sign("client-1", "sync@x.com", "https://login.salesforce.com", now,
                JwtAssertion.parsePrivateKey(pem(keys)));

        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        Base64.Decoder d = Base64.getUrlDecoder();
        assertThat(Json.MAPPER.readTree(d.decode(parts[0])).path("alg").asText()).isEqualTo("RS256");
        JsonNode claims = Json.MAPPER.readTree(d.decode(parts[1]));
        assertThat(claims.path("iss").asText()).isEqualTo("client-1");
        assertThat(claims.path("sub").asText()).isEqualTo("sync@x.com");
        assertThat(claims.path("aud").asText()).isEqualTo("https://login.salesforce.com");
        assertThat(claims.path("exp").asLong()).isEqualTo(now.plusSeconds(180).getEpochSecond());
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(d.decode(parts[2]))).isTrue();
    }

    @Test
    void pkcs1KeysAreRefusedWithTheConversionCommand() {
        assertThatThrownBy(() -> JwtAssertion.parsePrivateKey("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n"))
                .hasMessageContaining("openssl pkcs8");
    }

    @Test
    void garbageKeysAreRefusedClearly() {
        assertThatThrownBy(() -> JwtAssertion.parsePrivateKey("-----BEGIN PRIVATE KEY-----\nnotbase64!\n"))
                .hasMessageContaining("privateKeyPem");
        assertThatThrownBy(() -> JwtAssertion.parsePrivateKey(" ")).hasMessageContaining("required");
    }
}
