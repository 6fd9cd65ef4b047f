package dev.tandem.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.TandemApp;
import dev.tandem.server.config.TandemConfig;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ModuleLifecycleTest {

    /** A module that records what happens to it and serves one authenticated route. */
    private static final class Recorder implements TandemModule {
        private final String name;
        private final List<String> events;

        Recorder(String name, List<String> events) {
            this.name = name;
            this.events = events;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void routes(Javalin app) {
            events.add(name + ".routes");
            app.get("/rest/tandem/v1/" + name + ".json", ctx -> Responses.ok(ctx, List.of(name)));
        }

        @Override
        public void start() {
            events.add(name + ".start");
        }

        @Override
        public void stop() {
            events.add(name + ".stop");
        }
    }

    private static TandemConfig freshConfig() {
        TestDatabases.TestDatabase db = TestDatabases.create(TestDatabases.Kind.H2);
        return TandemConfig.defaults().withHttpPort(0).withDatabase(db.url(), db.user(), db.password());
    }

    @Test
    void pluggedModulesGetRoutesThenStartInOrderAndStopInReverseOrder() {
        List<String> events = new CopyOnWriteArrayList<>();
        TandemApp app = TandemApp.builder(freshConfig())
                .module(services -> new Recorder("sync", events))
                .module(services -> new Recorder("automation", events))
                .build();

        app.start();
        app.close();
        app.close();

        assertThat(events).containsExactly("sync.routes", "automation.routes", "sync.start", "automation.start",
                "automation.stop", "sync.stop");
    }

    @Test
    void aPluggedModulesRestRouteIsAuthenticatedAndAnswersInTheEnvelope() {
        try (TandemApp app = TandemApp.builder(freshConfig()).module(services -> new Recorder("settings", new CopyOnWriteArrayList<>()))
                .build().start()) {
            var client = app.services().apiClients().create("t");
            String token = app.services().accessTokens().issue(client.clientId(), client.clientSecret()).orElseThrow().accessToken();
            var http = java.net.http.HttpClient.newHttpClient();

            JsonNode anonymous = TestTandem.json(send(http, HttpRequest.newBuilder(app.baseUri().resolve("/rest/tandem/v1/settings.json")).build()));
            JsonNode authorized = TestTandem.json(send(http, HttpRequest.newBuilder(app.baseUri().resolve("/rest/tandem/v1/settings.json"))
                    .header("Authorization", "Bearer " + token).build()));

            assertThat(anonymous.get("errors").get(0).get("code").asText()).isEqualTo("601");
            assertThat(authorized.get("result").get(0).asText()).isEqualTo("settings");
        }
    }

    private static String send(java.net.http.HttpClient http, HttpRequest request) {
        try {
            return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
