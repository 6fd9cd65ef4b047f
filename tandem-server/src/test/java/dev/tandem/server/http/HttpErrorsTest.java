package dev.tandem.server.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.TandemApp;
import dev.tandem.server.config.TandemConfig;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.tandem.server.http.TestTandem.json;
import static org.assertj.core.api.Assertions.assertThat;

class HttpErrorsTest {
    private static TestTandem server;

    @BeforeAll
    static void start() {
        server = TestTandem.onH2();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUnknownRestPathAnswers610InTheEnvelopeWithHttp200() {
        HttpResponse<String> response = server.send(server.authorized("/rest/v1/nothing/here.json").GET().build());

        JsonNode body = json(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("errors").get(0).get("code").asText()).isEqualTo("610");
    }

    @Test
    void anUnknownRestPathStillNeedsAToken() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/rest/v1/nothing/here.json")).GET().build());

        assertThat(json(response.body()).get("errors").get(0).get("code").asText()).isEqualTo("601");
    }

    @Test
    void aMethodTheRouteDoesNotTakeAnswers605() {
        HttpResponse<String> response = server.send(server.authorized("/rest/v1/activities/types.json")
                .DELETE().build());

        assertThat(json(response.body()).get("errors").get(0).get("code").asText()).isEqualTo("605");
    }

    @Test
    void aBodyOverTheOneMegabyteLimitIsRejectedWith1003NotASystemError() {
        String huge = "{\"input\":[{\"email\":\"" + "x".repeat(1_100_000) + "@example.com\"}]}";

        HttpResponse<String> response = server.send(server.authorized("/rest/v1/leads.json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(huge)).build());

        JsonNode body = json(response.body());
        assertThat(body.get("errors").get(0).get("code").asText()).isEqualTo("1003");
        assertThat(body.get("errors").get(0).get("message").asText()).contains("limit");
    }

    @Test
    void everyResponseCarriesARequestIdAndEmptyWarnings() {
        JsonNode body = server.get("/rest/v1/activities/types.json");

        assertThat(body.get("requestId").asText()).matches("[0-9a-f]{4}#[0-9a-f]+");
        assertThat(body.get("warnings").isArray()).isTrue();
        assertThat(body.get("errors")).isEmpty();
    }

    @Test
    void anUnexpectedFailureAnswers611WithoutLeakingTheCause() {
        HttpResponse<String> response = callFailingRoute("/rest/v1/broken.json",
                new IllegalStateException("secret internal detail at db host 10.0.0.7"));

        JsonNode body = json(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("errors").get(0).get("code").asText()).isEqualTo("611");
        assertThat(response.body()).doesNotContain("10.0.0.7").doesNotContain("IllegalStateException").doesNotContain("at dev.");
    }

    @Test
    void anIllegalArgumentFromOutsideTheMarketoApiIsALoggedSystemErrorNot1003() {
        Logger serverLog = (Logger) LoggerFactory.getLogger(HttpServer.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        serverLog.addAppender(logs);
        try {
            HttpResponse<String> response = callFailingRoute("/rest/tandem/v1/broken.json",
                    new IllegalArgumentException("internal: cursor 10.0.0.7 out of range"));

            JsonNode error = json(response.body()).get("errors").get(0);
            assertThat(error.get("code").asText()).isEqualTo("611");
            assertThat(response.body()).doesNotContain("10.0.0.7");
            assertThat(logs.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.ERROR);
                assertThat(event.getThrowableProxy().getClassName()).isEqualTo(IllegalArgumentException.class.getName());
            });
        } finally {
            serverLog.detachAppender(logs);
        }
    }

    @Test
    void aMarketoApiValidationFailureStillAnswers1003NamingTheField() {
        JsonNode body = server.get("/rest/v1/leads.json?filterType=id&filterValues=1&nextPageToken=garbage!!");

        JsonNode error = body.get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo("1003");
        assertThat(error.get("message").asText()).contains("nextPageToken");
    }

    /** Starts Tandem with one extra authenticated route that throws {@code failure}, and calls it once. */
    private static HttpResponse<String> callFailingRoute(String path, RuntimeException failure) {
        TestDatabases.TestDatabase db = TestDatabases.create(TestDatabases.Kind.H2);
        TandemConfig config = TandemConfig.defaults().withHttpPort(0).withDatabase(db.url(), db.user(), db.password());
        TandemModule broken = new TandemModule() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void routes(Javalin app) {
                app.get(path, ctx -> {
                    throw failure;
                });
            }
        };
        try (TandemApp app = TandemApp.builder(config).module(services -> broken).build().start()) {
            var client = app.services().apiClients().create("probe");
            String bearer = app.services().accessTokens().issue(client.clientId(), client.clientSecret()).orElseThrow().accessToken();
            return server.send(HttpRequest.newBuilder(app.baseUri().resolve(path))
                    .header("Authorization", "Bearer " + bearer).GET().build());
        }
    }

    @Test
    void theOpenApiDocumentIsPublicAndNamesEveryRestPathTheServerRoutes() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/openapi.yaml")).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("openapi: 3");
        for (String path : new String[]{"/identity/oauth/token", "/rest/v1/leads.json", "/rest/v1/lead/{id}.json",
                "/rest/v1/leads/describe.json", "/rest/asset/v1/programs.json", "/rest/asset/v1/program/{id}.json",
                "/rest/asset/v1/program/byName.json", "/rest/asset/v1/program/{id}/delete.json",
                "/rest/asset/v1/channels.json", "/rest/asset/v1/channel/byName.json",
                "/rest/v1/programs/{id}/members.json", "/rest/v1/programs/{id}/members/status.json",
                "/rest/v1/programs/{id}/members/delete.json", "/rest/v1/activities/types.json",
                "/rest/v1/activities/pagingtoken.json", "/rest/v1/activities.json", "/health", "/metrics",
                "/rest/tandem/v1/settings/sync.json", "/rest/tandem/v1/settings/salesforce.json",
                "/rest/tandem/v1/salesforce/diagnosis.json", "/rest/tandem/v1/salesforce/campaigns.json",
                "/rest/tandem/v1/programs/{id}/salesforceCampaign.json",
                "/rest/tandem/v1/programs/{id}/salesforceCampaign/delete.json",
                "/rest/tandem/v1/programs/{id}/salesforceCampaign/compatibility.json",
                "/rest/tandem/v1/programs/{id}/salesforceCampaign/matchStatuses.json",
                "/rest/tandem/v1/sync/run.json", "/rest/tandem/v1/sync/runs.json", "/rest/tandem/v1/sync/errors.json",
                "/rest/tandem/v1/sync/errors/retry.json", "/rest/tandem/v1/sync/reconcile.json",
                "/rest/asset/v1/folder/{id}/tokens.json", "/rest/asset/v1/folder/{id}/tokens/delete.json",
                "/rest/tandem/v1/smartCampaigns/{id}/recurrence.json"}) {
            assertThat(response.body()).as(path).contains("  " + path + ":");
        }
    }

    @Test
    void requestTimersAreExportedPerRouteTemplateNotPerConcretePath() {
        server.get("/rest/asset/v1/program/123456.json");

        String metrics = server.send(server.authorized("/metrics").GET().build()).body();

        assertThat(metrics).contains("uri=\"/rest/asset/v1/program/{id}.json\"").doesNotContain("program/123456");
    }
}
