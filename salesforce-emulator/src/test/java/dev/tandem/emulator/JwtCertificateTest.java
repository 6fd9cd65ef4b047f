package dev.tandem.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A connected app configured with an X.509 certificate ("BEGIN CERTIFICATE") verifies JWT bearer assertions. */
class JwtCertificateTest {

    @Test
    void jwtBearerVerifiesAgainstAConfiguredCertificate(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("app.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "app", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=tandem-connected-app", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        X509Certificate cert = (X509Certificate) ks.getCertificate("app");
        RSAPrivateKey key = (RSAPrivateKey) ks.getKey("app", "changeit".toCharArray());
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorConfig.defaults().withJwtPublicKeyPem(pem))) {
            String assertion = JWT.create().withIssuer(EmulatorConfig.CLIENT_ID).withSubject("integration@tandem.dev")
                    .withAudience(emulator.baseUrl()).withExpiresAt(Date.from(Instant.now().plusSeconds(180)))
                    .sign(Algorithm.RSA256((RSAPublicKey) cert.getPublicKey(), key));
            Api.Response r = new Api(emulator.baseUrl()).form("/services/oauth2/token", Map.of(
                    "grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", assertion));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("access_token").asText()).contains("!");
        }
    }
}
