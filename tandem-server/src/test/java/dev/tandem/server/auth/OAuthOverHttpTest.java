package dev.tandem.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.http.TestTandem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static dev.tandem.server.http.TestTandem.encode;
import static dev.tandem.server.http.TestTandem.json;
import static org.assertj.core.api.Assertions.assertThat;

class OAuthOverHttpTest {
    private static TestTandem server;

    @BeforeAll
    static void start() {
        server = TestTandem.onH2();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> tokenByGet(String clientId, String secret) {
        return server.send(HttpRequest.newBuilder(server.uri("/identity/oauth/token?grant_type=client_credentials&client_id="
                + encode(clientId) + "&client_secret=" + encode(secret))).GET().build());
    }

    @Test
    void validCredentialsByGetReceiveABearerTokenForAnHour() {
        HttpResponse<String> response = tokenByGet(server.client().clientId(), server.client().clientSecret());

        JsonNode body = json(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("access_token").asText()).isNotBlank();
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asLong()).isBetween(3590L, 3600L);
    }

    @Test
    void validCredentialsByFormPostReceiveAToken() {
        String form = "grant_type=client_credentials&client_id=" + encode(server.client().clientId())
                + "&client_secret=" + encode(server.client().clientSecret());
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/identity/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("access_token").asText()).isNotBlank();
    }

    @Test
    void aWrongSecretIsRefusedAsAnInvalidClient() {
        HttpResponse<String> response = tokenByGet(server.client().clientId(), "not-the-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body()).get("error").asText()).isEqualTo("invalid_client");
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void anUnknownClientIsRefusedAsAnInvalidClient() {
        HttpResponse<String> response = tokenByGet("no-such-client", "whatever");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body()).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void aGrantOtherThanClientCredentialsIsRefused() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(
                server.uri("/identity/oauth/token?grant_type=password&client_id=a&client_secret=b")).GET().build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void askingAgainWhileTheTokenLivesReturnsTheSameTokenWithFewerSecondsLeft() {
        JsonNode first = json(tokenByGet(server.client().clientId(), server.client().clientSecret()).body());
        server.clock().advance(Duration.ofSeconds(100));

        JsonNode second = json(tokenByGet(server.client().clientId(), server.client().clientSecret()).body());

        assertThat(second.get("access_token").asText()).isEqualTo(first.get("access_token").asText());
        assertThat(second.get("expires_in").asLong()).isEqualTo(first.get("expires_in").asLong() - 100);
    }

    @Test
    void aRestCallWithoutATokenIsRefusedWith601() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/rest/v1/activities/types.json")).GET().build());

        JsonNode body = json(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("errors").get(0).get("code").asText()).isEqualTo("601");
        assertThat(body.get("requestId").asText()).contains("#");
    }

    @Test
    void aRestCallWithAnUnknownTokenIsRefusedWith601() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/rest/v1/activities/types.json"))
                .header("Authorization", "Bearer forged-token").GET().build());

        assertThat(json(response.body()).get("errors").get(0).get("code").asText()).isEqualTo("601");
    }

    @Test
    void anExpiredTokenIsRefusedWith602() {
        try (TestTandem own = TestTandem.onH2()) {
            String token = own.newToken();
            own.clock().advance(Duration.ofSeconds(3601));

            HttpResponse<String> response = own.send(HttpRequest.newBuilder(own.uri("/rest/v1/activities/types.json"))
                    .header("Authorization", "Bearer " + token).GET().build());

            assertThat(json(response.body()).get("errors").get(0).get("code").asText()).isEqualTo("602");
        }
    }

    @Test
    void anExpiredTokenIsReplacedByANewOneOnTheNextRequest() {
        try (TestTandem own = TestTandem.onH2()) {
            String first = own.newToken();
            own.clock().advance(Duration.ofSeconds(3601));

            String second = own.newToken();

            assertThat(second).isNotEqualTo(first);
            assertThat(json(own.send(HttpRequest.newBuilder(own.uri("/rest/v1/activities/types.json"))
                    .header("Authorization", "Bearer " + second).GET().build()).body()).get("success").asBoolean()).isTrue();
        }
    }

    @Test
    void theAccessTokenQueryParameterIsAcceptedAsMarketoStillDoes() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(
                server.uri("/rest/v1/activities/types.json?access_token=" + encode(server.token()))).GET().build());

        assertThat(json(response.body()).get("success").asBoolean()).isTrue();
    }

    @Test
    void metricsNeedATokenButHealthDoesNot() {
        HttpResponse<String> anonymousMetrics = server.send(HttpRequest.newBuilder(server.uri("/metrics")).GET().build());
        HttpResponse<String> metrics = server.send(server.authorized("/metrics").GET().build());
        HttpResponse<String> health = server.send(HttpRequest.newBuilder(server.uri("/health")).GET().build());

        assertThat(json(anonymousMetrics.body()).get("errors").get(0).get("code").asText()).isEqualTo("601");
        assertThat(metrics.body()).contains("http_server_requests_seconds");
        assertThat(json(health.body()).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void neitherSecretsNorTokensAreStoredInClear() {
        String token = server.token();

        List<String> tokenHashes = server.app().services().database().jdbi().withHandle(h ->
                h.createQuery("SELECT token_hash FROM access_tokens").mapTo(String.class).list());
        List<String> secretHashes = server.app().services().database().jdbi().withHandle(h ->
                h.createQuery("SELECT secret_hash FROM api_clients").mapTo(String.class).list());

        assertThat(tokenHashes).isNotEmpty().noneMatch(stored -> stored.contains(token));
        assertThat(secretHashes).isNotEmpty().noneMatch(stored -> stored.contains(server.client().clientSecret()));
    }
}
