package dev.tandem.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.emulator.EmulatorConfig;
import dev.tandem.server.config.ApiClientSecret;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sets up the campaign sync for the demo through Tandem's own REST API, exactly as an administrator's script would:
 * the emulator connection, campaign sync on, the demo program linked, and, once its first full sync is done, one
 * sync cycle, after which both sides agree.
 */
final class DemoSync {
    private static final String BASE = "/rest/tandem/v1";
    private static final String EMULATOR_USER = "integration@tandem.dev";
    private static final String EMULATOR_PASSWORD = "tandem-password";
    private static final Duration FIRST_SYNC_TIMEOUT = Duration.ofSeconds(120);

    private final URI tandem;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String token;

    DemoSync(URI tandem, ApiClientSecret client, ObjectMapper json) {
        this.tandem = tandem;
        this.json = json;
        JsonNode issued = send(HttpRequest.newBuilder(tandem.resolve("/identity/oauth/token?grant_type="
                + "client_credentials&client_id=" + encode(client.clientId()) + "&client_secret="
                + encode(client.clientSecret()))).GET());
        this.token = issued.path("access_token").asText();
    }

    /** What setting up the sync did, for the welcome text. */
    record Outcome(String linkedProgram, String linkedCampaign, List<String> staleLinksRemoved, String run) {
    }

    /**
     * Connects to the emulator, switches campaign sync on and links {@link DemoData#LINKED_PROGRAM} (unless already
     * linked). Links an earlier run made to campaigns the fresh emulator no longer has are removed, so the sync
     * does not chase records that are gone.
     */
    Outcome setUp(String emulatorUrl, long linkedProgramId) {
        ObjectNode connection = json.createObjectNode()
                .put("loginUrl", emulatorUrl).put("authMode", "PASSWORD")
                .put("clientId", EmulatorConfig.CLIENT_ID).put("clientSecret", EmulatorConfig.CLIENT_SECRET)
                .put("username", EMULATOR_USER).put("password", EMULATOR_PASSWORD);
        post(BASE + "/settings/salesforce.json", connection);
        post(BASE + "/settings/sync.json", json.createObjectNode().put("campaignSyncEnabled", true));

        JsonNode campaigns = get(BASE + "/salesforce/campaigns.json").path("result");
        Set<String> existing = new HashSet<>();
        String linkedCampaignId = null;
        for (JsonNode campaign : campaigns) {
            existing.add(campaign.path("id").asText());
            if (DemoData.LINKED_CAMPAIGN.equals(campaign.path("name").asText())) {
                linkedCampaignId = campaign.path("id").asText();
            }
        }
        List<String> removed = new ArrayList<>();
        for (JsonNode program : get("/rest/asset/v1/programs.json?maxReturn=200").path("result")) {
            String campaignId = program.path("sfdcId").asText(null);
            if (campaignId != null && !existing.contains(campaignId)) {
                post(BASE + "/programs/" + program.path("id").asLong() + "/salesforceCampaign/delete.json",
                        json.createObjectNode());
                removed.add(program.path("name").asText());
            }
        }
        if (linkedCampaignId == null) {
            throw new IllegalStateException("the emulator lists no campaign named '" + DemoData.LINKED_CAMPAIGN + "'");
        }
        JsonNode link = get(BASE + "/programs/" + linkedProgramId + "/salesforceCampaign.json").path("result");
        if (link.isEmpty()) {
            post(BASE + "/programs/" + linkedProgramId + "/salesforceCampaign.json",
                    json.createObjectNode().put("campaignId", linkedCampaignId));
        }
        awaitFirstFullSync(linkedProgramId);
        JsonNode report = post(BASE + "/sync/run.json", json.createObjectNode()).path("result").path(0);
        return new Outcome(DemoData.LINKED_PROGRAM, DemoData.LINKED_CAMPAIGN, removed, describe(report));
    }

    // Linking starts the first full sync of the members in the background; one cycle after it has both sides agree.
    private void awaitFirstFullSync(long programId) {
        Instant deadline = Instant.now().plus(FIRST_SYNC_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            JsonNode link = get(BASE + "/programs/" + programId + "/salesforceCampaign.json").path("result").path(0);
            String state = link.path("initialReconcileState").asText();
            if ("DONE".equals(state) || "FAILED".equals(state)) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the first full sync", e);
            }
        }
        throw new IllegalStateException("The first full sync of '" + DemoData.LINKED_PROGRAM + "' did not finish within "
                + FIRST_SYNC_TIMEOUT.toSeconds() + " s");
    }

    private static String describe(JsonNode report) {
        long changes = 0;
        long failed = 0;
        for (JsonNode counts : report.path("operations")) {
            changes += counts.path("new").asLong() + counts.path("updated").asLong() + counts.path("removed").asLong();
            failed += counts.path("failed").asLong();
        }
        return "run " + report.path("id").asText() + " " + report.path("outcome").asText().toLowerCase()
                + ": " + changes + " changes, " + failed + " failed, " + report.path("apiCalls").asLong()
                + " API calls";
    }

    private JsonNode get(String path) {
        return requireSuccess(path, send(HttpRequest.newBuilder(tandem.resolve(path))
                .header("Authorization", "Bearer " + token).GET()));
    }

    private JsonNode post(String path, JsonNode body) {
        return requireSuccess(path, send(HttpRequest.newBuilder(tandem.resolve(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
    }

    private static JsonNode requireSuccess(String path, JsonNode response) {
        if (!response.path("success").asBoolean(false)) {
            throw new IllegalStateException("Tandem refused " + path + ": " + response.path("errors"));
        }
        return response;
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach Tandem at " + tandem + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting up the demo", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
