package dev.tandem.server.sync.link;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.emulator.FaultRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

import static dev.tandem.server.sync.link.LinkTestServer.requireSuccess;
import static dev.tandem.server.sync.link.LinkTestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Prerequisites, diagnosis and the secrecy of stored credentials, end to end against the emulator. */
class LinkPrerequisitesEndToEndTest {

    static LinkTestServer server;

    @BeforeAll
    static void start() {
        server = new LinkTestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void freshOrgWithOneCampaign() {
        server.emulator.control().reset();
        server.emulator.control().clearFaults();
        server.salesforce.create("Campaign", List.of(Map.of("Name", unique("Visible"))));
    }

    @Test
    void healthySetupPassesEveryCheckAndListsCampaigns() {
        server.connect();

        JsonNode checks = requireSuccess(server.get("/rest/tandem/v1/salesforce/diagnosis.json"));

        assertThat(checks.findValuesAsText("check")).contains("campaign-sync-enabled", "connection-configured",
                "login", "api-version", "marketing-user", "campaign-access", "campaign-member-access", "api-budget");
        checks.forEach(check -> assertThat(check.get("ok").asBoolean()).as(check.toString()).isTrue());
        assertThat(requireSuccess(server.get("/rest/tandem/v1/salesforce/campaigns.json"))).hasSize(1);
    }

    @Test
    void campaignListingCostsOneCallForTheUserCheckOneForCampaignsAndOneForTheirStatuses() {
        server.connect();
        server.salesforce.create("Campaign", List.of(Map.of("Name", unique("Second"))));
        requireSuccess(server.get("/rest/tandem/v1/salesforce/campaigns.json"));
        long before = server.emulator.control().apiCallsUsed();

        JsonNode listed = requireSuccess(server.get("/rest/tandem/v1/salesforce/campaigns.json"));

        assertThat(listed).hasSize(2);
        assertThat(server.emulator.control().apiCallsUsed() - before).isEqualTo(3);
    }

    @Test
    void syncUserWhoIsNotAMarketingUserIsDiagnosedAndSeesNoCampaigns() {
        server.connectAs("analyst@tandem.dev", "analyst-password");

        JsonNode listing = server.get("/rest/tandem/v1/salesforce/campaigns.json");
        JsonNode diagnosis = requireSuccess(server.get("/rest/tandem/v1/salesforce/diagnosis.json"));

        assertThat(requireSuccess(listing)).isEmpty();
        assertThat(listing.get("warnings").toString()).contains("marketing-user", "not a Marketing User",
                "tick 'Marketing User'");
        JsonNode marketing = check(diagnosis, "marketing-user");
        assertThat(marketing.get("ok").asBoolean()).isFalse();
        assertThat(marketing.get("message").asText()).contains("analyst@tandem.dev");
        assertThat(marketing.get("fix").asText()).contains("Marketing User");
    }

    @Test
    void linkThatSalesforceRefusesForANonMarketingUserRecordsNothing() {
        server.connectAs("analyst@tandem.dev", "analyst-password");
        long programId = server.createProgram("Event", "Webinar", null);

        JsonNode refused = server.postJson(LinkTestServer.linkPath(programId), "{\"create\":{\"name\":\"Refused\"}}");

        assertThat(refused.get("errors").get(0).get("code").asText()).isEqualTo("709");
        assertThat(refused.get("errors").get(0).get("message").asText())
                .contains("CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY", "diagnosis.json");
        assertThat(requireSuccess(server.get(LinkTestServer.linkPath(programId)))).isEmpty();
        assertThat(requireSuccess(server.get("/rest/asset/v1/program/" + programId + ".json")).get(0)
                .get("sfdcId").isNull()).isTrue();
    }

    @Test
    void marketingUserFlagRemovedInSalesforceEmptiesTheListUntilRestored() {
        server.connect();
        server.emulator.control().setMarketingUser("integration@tandem.dev", false);

        assertThat(requireSuccess(server.get("/rest/tandem/v1/salesforce/campaigns.json"))).isEmpty();

        server.emulator.control().setMarketingUser("integration@tandem.dev", true);
        assertThat(requireSuccess(server.get("/rest/tandem/v1/salesforce/campaigns.json"))).hasSize(1);
    }

    @Test
    void campaignSyncOffListsNoCampaignsRefusesLinksAndTheDiagnosisSaysHowToTurnItOn() {
        server.connect();
        requireSuccess(server.postJson("/rest/tandem/v1/settings/sync.json", "{\"campaignSyncEnabled\":false}"));
        long programId = server.createProgram("Event", "Webinar", null);

        JsonNode listing = server.get("/rest/tandem/v1/salesforce/campaigns.json");
        JsonNode diagnosis = requireSuccess(server.get("/rest/tandem/v1/salesforce/diagnosis.json"));
        JsonNode link = server.postJson("/rest/tandem/v1/programs/" + programId + "/salesforceCampaign.json",
                "{\"create\":{\"name\":\"Never\"}}");

        assertThat(requireSuccess(listing)).isEmpty();
        assertThat(listing.get("warnings").toString()).contains("campaign sync is off");
        JsonNode enabled = check(diagnosis, "campaign-sync-enabled");
        assertThat(enabled.get("ok").asBoolean()).isFalse();
        assertThat(enabled.get("fix").asText()).contains("\"campaignSyncEnabled\":true");
        assertThat(link.get("errors").get(0).get("code").asText()).isEqualTo("709");
        assertThat(link.get("errors").get(0).get("message").asText()).contains("campaign sync is off");
    }

    @Test
    void wrongPasswordIsDiagnosedAtLoginAndListsNoCampaigns() {
        server.connectAs("integration@tandem.dev", "not-the-password");

        JsonNode listing = server.get("/rest/tandem/v1/salesforce/campaigns.json");
        JsonNode login = check(requireSuccess(server.get("/rest/tandem/v1/salesforce/diagnosis.json")), "login");

        assertThat(requireSuccess(listing)).isEmpty();
        assertThat(listing.get("warnings").toString()).contains("login");
        assertThat(login.get("ok").asBoolean()).isFalse();
        assertThat(login.get("fix").asText()).isNotBlank();
    }

    @Test
    void campaignQueryRefusedBySalesforceListsNothingAndSaysWhy() {
        server.connect();
        requireSuccess(server.get("/rest/tandem/v1/salesforce/campaigns.json"));
        // The picker's second query is the campaign query (the first checks the Marketing User flag).
        server.emulator.control().addFault(new FaultRule("INSUFFICIENT_ACCESS_OR_READONLY", 403, "GET", "/query",
                1, 1, 0, "insufficient access rights on object id"));

        JsonNode listing = server.get("/rest/tandem/v1/salesforce/campaigns.json");

        assertThat(requireSuccess(listing)).isEmpty();
        assertThat(listing.get("warnings").toString()).contains("campaign-access", "INSUFFICIENT_ACCESS_OR_READONLY");
    }

    @Test
    void withoutAConnectionEveryCheckSaysWhatToConfigure() {
        try (LinkTestServer fresh = new LinkTestServer()) {
            JsonNode view = requireSuccess(fresh.get("/rest/tandem/v1/settings/salesforce.json")).get(0);
            JsonNode checks = requireSuccess(fresh.get("/rest/tandem/v1/salesforce/diagnosis.json"));

            assertThat(view.get("configured").asBoolean()).isFalse();
            JsonNode connection = check(checks, "connection-configured");
            assertThat(connection.get("ok").asBoolean()).isFalse();
            assertThat(connection.get("fix").asText()).contains("settings/salesforce.json");
            assertThat(check(checks, "marketing-user").get("ok").asBoolean()).isFalse();
            assertThat(requireSuccess(fresh.get("/rest/tandem/v1/salesforce/campaigns.json"))).isEmpty();
        }
    }

    @Test
    void everyLinkResourceRequiresAnAccessToken() {
        for (String path : List.of("/rest/tandem/v1/settings/sync.json", "/rest/tandem/v1/settings/salesforce.json",
                "/rest/tandem/v1/salesforce/diagnosis.json", "/rest/tandem/v1/salesforce/campaigns.json",
                "/rest/tandem/v1/programs/1/salesforceCampaign.json")) {
            JsonNode refused = server.getAnonymously(path);
            assertThat(refused.get("success").asBoolean()).as(path).isFalse();
            assertThat(refused.get("errors").get(0).get("code").asText()).as(path).isEqualTo("601");
        }
    }

    @Test
    void secretsAreWriteOnlyAndNeverLoggedAndStoredEncrypted() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            server.connect();
            String view = server.get("/rest/tandem/v1/settings/salesforce.json").toString();
            server.get("/rest/tandem/v1/salesforce/diagnosis.json");
            server.get("/rest/tandem/v1/salesforce/campaigns.json");

            assertThat(view).doesNotContain(LinkTestServer.SF_PASSWORD).doesNotContain(LinkTestServer.SF_CLIENT_SECRET)
                    .contains("\"passwordSet\":true", "\"clientSecretSet\":true", "\"privateKeySet\":false");
            assertThat(logs.list).isNotEmpty();
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(m -> m.contains(LinkTestServer.SF_PASSWORD) || m.contains(LinkTestServer.SF_CLIENT_SECRET));
            Map<String, Object> row = server.row("SELECT * FROM salesforce_connection");
            assertThat(row.values()).map(String::valueOf).noneMatch(v -> v.contains(LinkTestServer.SF_PASSWORD)
                    || v.contains(LinkTestServer.SF_CLIENT_SECRET));
            assertThat(String.valueOf(row.get("password_enc"))).startsWith("v1:");
        } finally {
            root.detachAppender(logs);
        }
    }

    private static JsonNode check(JsonNode checks, String name) {
        for (JsonNode check : checks) {
            if (check.get("check").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + checks);
    }
}
