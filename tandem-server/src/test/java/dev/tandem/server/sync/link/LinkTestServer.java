package dev.tandem.server.sync.link;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.emulator.EmulatorConfig;
import dev.tandem.emulator.SalesforceEmulator;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.SalesforceConfig;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.server.TandemApp;
import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.http.ApiCaller;
import dev.tandem.server.http.TandemOverHttp;
import dev.tandem.server.http.TestDatabases;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tandem (with its core modules, LINK among them) on a random port over a fresh database (H2 unless told otherwise),
 * next to a Salesforce emulator, both spoken to over real HTTP.
 */
final class LinkTestServer implements AutoCloseable, TandemOverHttp {

    static final String SECRET_KEY = Base64.getEncoder().encodeToString(randomKey());
    static final String SF_PASSWORD = "tandem-password";
    static final String SF_CLIENT_SECRET = "tandem-client-secret";

    final SalesforceEmulator emulator;
    final SalesforceClient salesforce;
    private final TestDatabases.TestDatabase database;
    private final TandemApp app;
    private final ApiCaller caller;

    LinkTestServer() {
        this(TestDatabases.Kind.H2);
    }

    LinkTestServer(TestDatabases.Kind kind) {
        this(kind, Optional.empty());
    }

    /** A server whose node goes by {@code nodeId} (TANDEM_NODE_ID) when given, else by a random name. */
    LinkTestServer(TestDatabases.Kind kind, Optional<String> nodeId) {
        this.emulator = SalesforceEmulator.start(EmulatorConfig.defaults());
        this.salesforce = salesforceOf(emulator);
        this.database = TestDatabases.create(kind);
        TandemConfig config = new TandemConfig(0, database.url(), database.user(), database.password(),
                Optional.of(SECRET_KEY), Optional.empty(), TandemConfig.DEFAULT_TOKEN_TTL_SECONDS);
        this.app = TandemApp.builder(nodeId.map(config::withNodeId).orElse(config)).build().start();
        this.caller = new ApiCaller(app::baseUri, app.services().apiClients().create("link-test"));
    }

    TandemApp app() {
        return app;
    }

    /** A client of the emulator as the integration user, for assertions on the Salesforce side. */
    static SalesforceClient salesforceOf(SalesforceEmulator emulator) {
        return SalesforceClient.connect(SalesforceConfig.builder(emulator.baseUrl())
                .password("tandem-client-id", SF_CLIENT_SECRET, "integration@tandem.dev", SF_PASSWORD).build());
    }

    /** Configures Tandem's connection to the emulator as {@code username} and switches campaign sync on. */
    void connectAs(String username, String password) {
        JsonNode saved = postJson("/rest/tandem/v1/settings/salesforce.json", "{\"loginUrl\":\"" + emulator.baseUrl()
                + "\",\"authMode\":\"PASSWORD\",\"clientId\":\"tandem-client-id\",\"clientSecret\":\""
                + SF_CLIENT_SECRET + "\",\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        requireSuccess(saved);
        requireSuccess(postJson("/rest/tandem/v1/settings/sync.json", "{\"campaignSyncEnabled\":true}"));
    }

    /** Connects as the seeded Marketing User. */
    void connect() {
        connectAs("integration@tandem.dev", SF_PASSWORD);
    }

    /** Creates a program through the Marketo asset API and returns its id. */
    long createProgram(String type, String channel, String costsJson) {
        String name = unique("Program");
        Map<String, String> form = costsJson == null
                ? Map.of("name", name, "folder", "{\"id\":1,\"type\":\"Folder\"}", "type", type, "channel", channel)
                : Map.of("name", name, "folder", "{\"id\":1,\"type\":\"Folder\"}", "type", type, "channel", channel,
                "costs", costsJson);
        JsonNode created = postForm("/rest/asset/v1/programs.json", form);
        return requireSuccess(created).get(0).get("id").asLong();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonNode requireSuccess(JsonNode response) {
        if (!response.path("success").asBoolean()) {
            throw new AssertionError("expected success: " + response);
        }
        return response.get("result");
    }

    /** Reads a table row as the database holds it. */
    Map<String, Object> row(String sql) {
        return app.services().database().jdbi().withHandle(h -> h.createQuery(sql).mapToMap().one());
    }

    long count(String sql) {
        return app.services().database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    static JsonNode json(String text) {
        return ApiCaller.json(text);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Override
    public ApiCaller caller() {
        return caller;
    }

    @Override
    public void close() {
        app.close();
        database.drop();
        emulator.close();
    }
    static String linkPath(long programId) {
        return "/rest/tandem/v1/programs/" + programId + "/salesforceCampaign.json";
    }

    static String subPath(long programId, String leaf) {
        return "/rest/tandem/v1/programs/" + programId + "/salesforceCampaign/" + leaf;
    }

    /** A campaign made in Salesforce with the given number of lead members per status. */
    String existingCampaign(String name, Map<String, Integer> membersPerStatus) {
        String campaignId = salesforce.create("Campaign", List.of(Map.of("Name", name))).get(0).id();
        List<Map<String, Object>> members = new ArrayList<>();
        membersPerStatus.forEach((status, count) -> {
            for (int i = 0; i < count; i++) {
                String leadId = salesforce.create("Lead", List.of(Map.of("LastName", "L" + i, "Company", "Acme")))
                        .get(0).id();
                members.add(Map.of("CampaignId", campaignId, "LeadId", leadId, "Status", status));
            }
        });
        if (!members.isEmpty()) {
            if (!salesforce.create("CampaignMember", members).stream().allMatch(r -> r.success())) {
                throw new AssertionError("seeding campaign members failed");
            }
        }
        return campaignId;
    }

    SObject campaign(String campaignId) {
        return salesforce.stream(Soql.select("Id", "Name", "Type", "ActualCost").from("Campaign")
                .where(Cond.eq("Id", campaignId)).build()).findFirst().orElseThrow();
    }

    List<SObject> statuses(String campaignId) {
        return salesforce.stream(Soql.select("Id", "Label", "SortOrder", "IsDefault", "HasResponded")
                .from("CampaignMemberStatus").where(Cond.eq("CampaignId", campaignId)).orderBy("SortOrder").build())
                .toList();
    }

    Map<String, Long> statusCounts(String campaignId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        salesforce.stream(Soql.select("Id", "Status").from("CampaignMember").where(Cond.eq("CampaignId", campaignId))
                .build()).forEach(m -> counts.merge(m.getString("Status"), 1L, Long::sum));
        return counts;
    }
}
