package dev.tandem.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token endpoint's four grants, token shape, identity URL, and session expiry. */
class OAuthTest {
    static KeyPair keys;
    static SalesforceEmulator emulator;
    Api anonymous;

    @BeforeAll
    static void start() throws NoSuchAlgorithmException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        keys = gen.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        emulator = SalesforceEmulator.start(EmulatorConfig.defaults().withJwtPublicKeyPem(pem)
                .withSessionTimeout(Duration.ofMinutes(30)));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.control().reset();
        anonymous = new Api(emulator.baseUrl());
    }

    private Api.Response token(Map<String, String> form) {
        return anonymous.form("/services/oauth2/token", form);
    }

    private String jwt(String issuer, String subject, String audience, Instant expires, RSAPrivateKey key) {
        return JWT.create().withIssuer(issuer).withSubject(subject).withAudience(audience)
                .withExpiresAt(Date.from(expires))
                .sign(Algorithm.RSA256((RSAPublicKey) keys.getPublic(), key));
    }

    @Test
    void clientCredentialsReturnsSalesforcesTokenShapeWithoutRefreshToken() {
        Api.Response r = token(Map.of("grant_type", "client_credentials", "client_id", EmulatorConfig.CLIENT_ID,
                "client_secret", EmulatorConfig.CLIENT_SECRET));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json;charset=UTF-8");
        JsonNode body = r.json();
        assertThat(body.path("access_token").asText()).startsWith(emulator.orgId().substring(0, 15) + "!");
        assertThat(body.path("instance_url").asText()).isEqualTo(emulator.baseUrl());
        assertThat(body.path("id").asText()).matches(java.util.regex.Pattern.quote(emulator.baseUrl())
                + "/id/00D\\w{15}/005\\w{15}");
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("issued_at").asText()).matches("\\d{13}");
        assertThat(body.path("signature").asText()).isNotBlank();
        assertThat(body.path("scope").asText()).isEqualTo("api");
        assertThat(body.has("refresh_token")).isFalse();
    }

    @Test
    void clientCredentialsAcceptsHttpBasicClientAuthentication() throws Exception {
        String basic = Base64.getEncoder().encodeToString((EmulatorConfig.CLIENT_ID + ":"
                + EmulatorConfig.CLIENT_SECRET).getBytes());
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.baseUrl() + "/services/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", "Basic " + basic)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Api.JSON.readTree(r.body()).path("access_token").asText()).contains("!");
    }

    @Test
    void wrongClientCredentialsAreRejectedWithOAuthErrors() {
        Api.Response badId = token(Map.of("grant_type", "client_credentials", "client_id", "nope",
                "client_secret", EmulatorConfig.CLIENT_SECRET));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().path("error").asText()).isEqualTo("invalid_client_id");
        Api.Response badSecret = token(Map.of("grant_type", "client_credentials", "client_id",
                EmulatorConfig.CLIENT_ID, "client_secret", "nope"));
        assertThat(badSecret.json().path("error").asText()).isEqualTo("invalid_client");
        Api.Response badGrant = token(Map.of("grant_type", "magic"));
        assertThat(badGrant.json().path("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void passwordGrantBindsTheTokenToThatUser() {
        Api analyst = Api.loggedInAs(emulator, "analyst@tandem.dev", "analyst-password");
        JsonNode identity = analyst.get("/services/oauth2/userinfo").json();
        assertThat(identity.path("username").asText()).isEqualTo("analyst@tandem.dev");
        Api.Response wrong = token(Map.of("grant_type", "password", "client_id", EmulatorConfig.CLIENT_ID,
                "client_secret", EmulatorConfig.CLIENT_SECRET, "username", "analyst@tandem.dev", "password", "x"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("error_description").asText()).isEqualTo("authentication failure");
    }

    @Test
    void identityUrlFromTheTokenDescribesTheUser() {
        JsonNode token = token(Map.of("grant_type", "client_credentials", "client_id", EmulatorConfig.CLIENT_ID,
                "client_secret", EmulatorConfig.CLIENT_SECRET)).json();
        Api api = anonymous.withToken(token.path("access_token").asText());
        String path = token.path("id").asText().substring(emulator.baseUrl().length());
        JsonNode identity = api.get(path).json();
        assertThat(identity.path("username").asText()).isEqualTo("integration@tandem.dev");
        assertThat(identity.path("organization_id").asText()).isEqualTo(emulator.orgId());
        assertThat(identity.path("user_id").asText()).startsWith("005");
    }

    @Test
    void jwtBearerSignedWithTheConfiguredKeyIssuesAToken() {
        String assertion = jwt(EmulatorConfig.CLIENT_ID, "integration@tandem.dev", "https://login.salesforce.com",
                Instant.now().plusSeconds(180), (RSAPrivateKey) keys.getPrivate());
        Api.Response r = token(Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion", assertion));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().has("refresh_token")).isFalse();
        assertThat(anonymous.withToken(r.json().path("access_token").asText()).get(Api.V + "/limits").status())
                .isEqualTo(200);
    }

    @Test
    void jwtBearerAcceptsTheEmulatorsOwnUrlAsAudience() {
        String assertion = jwt(EmulatorConfig.CLIENT_ID, "analyst@tandem.dev", emulator.baseUrl(),
                Instant.now().plusSeconds(180), (RSAPrivateKey) keys.getPrivate());
        assertThat(token(Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", assertion))
                .status()).isEqualTo(200);
    }

    @Test
    void jwtBearerRejectsForeignSignaturesExpiredAssertionsAndUnknownUsers() throws NoSuchAlgorithmException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        RSAPrivateKey foreign = (RSAPrivateKey) gen.generateKeyPair().getPrivate();
        String grant = "urn:ietf:params:oauth:grant-type:jwt-bearer";
        Api.Response forged = token(Map.of("grant_type", grant, "assertion", jwt(EmulatorConfig.CLIENT_ID,
                "integration@tandem.dev", "https://login.salesforce.com", Instant.now().plusSeconds(180), foreign)));
        assertThat(forged.json().path("error").asText()).isEqualTo("invalid_grant");
        Api.Response expired = token(Map.of("grant_type", grant, "assertion", jwt(EmulatorConfig.CLIENT_ID,
                "integration@tandem.dev", "https://login.salesforce.com", Instant.now().minusSeconds(60),
                (RSAPrivateKey) keys.getPrivate())));
        assertThat(expired.json().path("error").asText()).isEqualTo("invalid_grant");
        Api.Response unknown = token(Map.of("grant_type", grant, "assertion", jwt(EmulatorConfig.CLIENT_ID,
                "nobody@tandem.dev", "https://login.salesforce.com", Instant.now().plusSeconds(180),
                (RSAPrivateKey) keys.getPrivate())));
        assertThat(unknown.json().path("error").asText()).isEqualTo("invalid_grant");
        Api.Response wrongAudience = token(Map.of("grant_type", grant, "assertion", jwt(EmulatorConfig.CLIENT_ID,
                "integration@tandem.dev", "https://evil.example", Instant.now().plusSeconds(180),
                (RSAPrivateKey) keys.getPrivate())));
        assertThat(wrongAudience.json().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void refreshTokenFromTheControlPlaneMintsNewAccessTokens() {
        String refresh = emulator.control().refreshToken("analyst@tandem.dev");
        Api.Response r = token(Map.of("grant_type", "refresh_token", "refresh_token", refresh, "client_id",
                EmulatorConfig.CLIENT_ID, "client_secret", EmulatorConfig.CLIENT_SECRET));
        assertThat(r.status()).isEqualTo(200);
        assertThat(anonymous.withToken(r.json().path("access_token").asText()).get("/services/oauth2/userinfo")
                .json().path("username").asText()).isEqualTo("analyst@tandem.dev");
        Api.Response bogus = token(Map.of("grant_type", "refresh_token", "refresh_token", "bogus", "client_id",
                EmulatorConfig.CLIENT_ID));
        assertThat(bogus.json().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void expiredSessionsGetInvalidSessionIdUntilReauthentication() {
        Api api = Api.loggedIn(emulator);
        emulator.control().expireSessions();
        Api.Response r = api.get(Api.V + "/limits");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(r.body()).isEqualTo("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
        assertThat(Api.loggedIn(emulator).get(Api.V + "/limits").status()).isEqualTo(200);
    }

    @Test
    void sessionsExpireAfterInactivityButEachCallExtendsThem() {
        emulator.control().setClock(Instant.parse("2026-03-01T00:00:00Z"));
        Api api = Api.loggedIn(emulator);
        emulator.control().advanceClock(Duration.ofMinutes(20));
        assertThat(api.get(Api.V + "/limits").status()).isEqualTo(200);
        emulator.control().advanceClock(Duration.ofMinutes(20));
        assertThat(api.get(Api.V + "/limits").status()).as("20 minutes after the last call").isEqualTo(200);
        emulator.control().advanceClock(Duration.ofMinutes(31));
        assertThat(api.get(Api.V + "/limits").status()).as("31 minutes idle").isEqualTo(401);
    }

    @Test
    void revokedTokensStopWorking() {
        Api api = Api.loggedIn(emulator);
        assertThat(anonymous.form("/services/oauth2/revoke", Map.of("token", api.token())).status()).isEqualTo(200);
        assertThat(api.get(Api.V + "/limits").status()).isEqualTo(401);
    }

    @Test
    void tokenRequestsAreNotCountedAsApiCalls() {
        Api.loggedIn(emulator);
        assertThat(emulator.control().apiCallsUsed()).isZero();
        assertThat(emulator.control().callCounters()).containsEntry("oauth2/token", 1L);
    }
}
