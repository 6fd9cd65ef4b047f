package dev.tandem.server.sync.cycle;

import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Tandem (all core modules, the campaign sync among them) over a fresh H2 database next to a Salesforce
 * emulator, both spoken to over real HTTP: Tandem through its REST API, Salesforce through a client of its own
 * and the emulator's control plane.
 */
public final class FlowTestServer implements AutoCloseable, TandemOverHttp {

    static final String SF_PASSWORD = "tandem-password";
    static final String SF_CLIENT_SECRET = "tandem-client-secret";

    public final SalesforceEmulator emulator;
    public final SalesforceClient salesforce;
    private final TestDatabases.TestDatabase database;
    private final TandemConfig config;
    private TandemApp app;
    private ApiCaller caller;

    public FlowTestServer() {
        this(TestDatabases.Kind.H2);
    }

    /** A server over a fresh database of the given kind. */
    public FlowTestServer(TestDatabases.Kind kind) {
        this(kind, Optional.empty());
    }

    /** A server over a fresh database of the given kind, its node named {@code nodeId} (TANDEM_NODE_ID) if given. */
    public FlowTestServer(TestDatabases.Kind kind, Optional<String> nodeId) {
        this.emulator = SalesforceEmulator.start(EmulatorConfig.defaults());
        this.salesforce = SalesforceClient.connect(SalesforceConfig.builder(emulator.baseUrl())
                .password("tandem-client-id", SF_CLIENT_SECRET, "integration@tandem.dev", SF_PASSWORD).build());
        this.database = TestDatabases.create(kind);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        TandemConfig plain = new TandemConfig(0, database.url(), database.user(), database.password(),
                Optional.of(Base64.getEncoder().encodeToString(key)), Optional.empty(),
                TandemConfig.DEFAULT_TOKEN_TTL_SECONDS);
        this.config = nodeId.map(plain::withNodeId).orElse(plain);
        startApp();
    }

    private void startApp() {
        TandemApp started = TandemApp.builder(config).build().start();
        this.app = started;
        this.caller = new ApiCaller(started::baseUri, started.services().apiClients().create("flow-test"));
    }

    /** Stops the server and starts it again over the same database and configuration (node name, key). */
    public void restart() {
        app.close();
        startApp();
    }

    /**
     * Connects Tandem to the emulator as the Marketing User and switches campaign sync on, with a poll interval
     * long enough that only the polls a test asks for happen.
     */
    public FlowTestServer connect() {
        ok(postJson("/rest/tandem/v1/settings/salesforce.json", "{\"loginUrl\":\"" + emulator.baseUrl()
                + "\",\"authMode\":\"PASSWORD\",\"clientId\":\"tandem-client-id\",\"clientSecret\":\""
                + SF_CLIENT_SECRET + "\",\"username\":\"integration@tandem.dev\",\"password\":\"" + SF_PASSWORD + "\"}"));
        ok(postJson("/rest/tandem/v1/settings/sync.json", "{\"campaignSyncEnabled\":true,\"pollIntervalSeconds\":86400,"
                + "\"defaultLeadLastName\":\"Unknown\",\"defaultLeadCompany\":\"Not Provided Inc\"}"));
        return this;
    }

    /** Switches campaign sync on or off. */
    public void syncEnabled(boolean on) {
        ok(postJson("/rest/tandem/v1/settings/sync.json", "{\"campaignSyncEnabled\":" + on + "}"));
    }

    /** Sets whether a backward status from Salesforce is refused. */
    public void pullForwardOnly(boolean on) {
        ok(postJson("/rest/tandem/v1/settings/sync.json", "{\"pullForwardOnly\":" + on + "}"));
    }

    /** An Event program on the seeded Webinar channel: Member 10, Registered 20, No Show 30, Attended 30 (success). */
    public long createWebinarProgram() {
        JsonNode created = postForm("/rest/asset/v1/programs.json", Map.of("name", unique("Webinar"),
                "folder", "{\"id\":1,\"type\":\"Folder\"}", "type", "Event", "channel", "Webinar"));
        return ok(created).get(0).get("id").asLong();
    }

    /** Links the program to a new campaign, waits for the initial reconcile, returns the campaign id. */
    public String linkToNewCampaign(long programId) {
        JsonNode link = ok(postJson("/rest/tandem/v1/programs/" + programId + "/salesforceCampaign.json",
                "{\"create\":{\"name\":\"" + unique("Campaign") + "\"}}")).get(0);
        awaitInitialReconcile(programId);
        return link.get("campaignId").asText();
    }

    /** Links the program to an existing campaign and waits for the initial reconcile. */
    public void linkToCampaign(long programId, String campaignId) {
        ok(postJson("/rest/tandem/v1/programs/" + programId + "/salesforceCampaign.json",
                "{\"campaignId\":\"" + campaignId + "\"}"));
        awaitInitialReconcile(programId);
    }

    private void awaitInitialReconcile(long programId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("DONE", "FAILED").contains(text(
                "SELECT initial_reconcile_state FROM campaign_links WHERE program_id = " + programId)));
    }

    /** Creates people through the lead API; their ids in order. */
    public List<Long> createPeople(int count, boolean withNames) {
        String domain = unique("d").toLowerCase() + ".example.com";
        String input = IntStream.range(0, count).mapToObj(i -> withNames
                        ? "{\"email\":\"p" + i + "@" + domain + "\",\"firstName\":\"F" + i + "\",\"lastName\":\"L" + i
                        + "\",\"company\":\"Acme\"}"
                        : "{\"email\":\"p" + i + "@" + domain + "\"}")
                .collect(Collectors.joining(","));
        JsonNode results = ok(postJson("/rest/v1/leads.json", "{\"input\":[" + input + "]}"));
        List<Long> ids = new ArrayList<>();
        results.forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    /** Sets the program status of people through the program members API. */
    public JsonNode setStatus(long programId, String status, List<Long> personIds) {
        return ok(postJson("/rest/v1/programs/" + programId + "/members/status.json",
                "{\"statusName\":\"" + status + "\",\"input\":" + leadInput(personIds) + "}"));
    }

    /** Removes people from the program through the program members API. */
    public JsonNode removeMembers(long programId, List<Long> personIds) {
        return ok(postJson("/rest/v1/programs/" + programId + "/members/delete.json",
                "{\"input\":" + leadInput(personIds) + "}"));
    }

    /** Runs one sync cycle through the API and returns its report. */
    public JsonNode runSync() {
        return ok(postJson("/rest/tandem/v1/sync/run.json", "{}")).get(0);
    }

    /**
     * Stops the background pusher and poller, so that only the sync steps a test runs happen (local changes then
     * wait in the outbox).
     */
    public void stopBackgroundJobs() {
        flow().jobs().stop();
    }

    /** The sync cycle, for tests that drive its steps (background push and poll) themselves. */
    public SyncCycle cycle() {
        return flow().cycle();
    }

    private SyncFlowModule flow() {
        return app.module(CampaignSyncModule.class).orElseThrow().flow();
    }

    /** The id of the newest stored run, 0 when there is none. */
    public long latestRunId() {
        return count("SELECT COALESCE(MAX(id), 0) FROM sync_runs");
    }

    /** Conflicts counted (all operations) by the runs stored after run {@code afterRunId}. */
    public long conflictsSince(long afterRunId) {
        long conflicts = 0;
        for (JsonNode run : ok(get("/rest/tandem/v1/sync/runs.json?batchSize=200"))) {
            if (run.get("id").asLong() > afterRunId) {
                for (JsonNode counts : run.get("operations")) {
                    conflicts += counts.get("conflicts").asLong();
                }
            }
        }
        return conflicts;
    }

    /** Waits until every local change was pushed or failed (no outbox row is due). */
    public void awaitPushed() {
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT COUNT(*) FROM sync_outbox WHERE attempts = 0") == 0);
    }

    /** Tandem's program status per person id (members only). */
    public Map<Long, String> tandemMembers(long programId) {
        Map<Long, String> members = new LinkedHashMap<>();
        app.services().database().jdbi().useHandle(h -> h.createQuery("SELECT person_id, status FROM memberships "
                        + "WHERE program_id = :p ORDER BY person_id").bind("p", programId)
                .map((rs, ctx) -> members.put(rs.getLong(1), rs.getString(2))).list());
        return members;
    }

    /** Salesforce's CampaignMember status per Lead/Contact id. */
    public Map<String, String> salesforceMembers(String campaignId) {
        Map<String, String> members = new LinkedHashMap<>();
        salesforce.query(Soql.select("LeadId", "ContactId", "Status").from("CampaignMember")
                .where(Cond.eq("CampaignId", campaignId)).build(), 2000, page -> page.records().forEach(
                (SObject r) -> members.put(r.getString("ContactId") != null ? r.getString("ContactId")
                        : r.getString("LeadId"), r.getString("Status"))));
        return members;
    }

    /** The CampaignMember id of a Lead/Contact in a campaign. */
    public String memberId(String campaignId, String personSfId) {
        List<String> ids = new ArrayList<>();
        salesforce.query(Soql.select("Id").from("CampaignMember").where(Cond.eq("CampaignId", campaignId)
                        .and(Cond.anyOf(Cond.eq("LeadId", personSfId), Cond.eq("ContactId", personSfId)))).build(),
                200, page -> page.records().forEach(r -> ids.add(r.id())));
        return ids.get(0);
    }

    /** Creates a Lead in Salesforce and returns its id. */
    public String createLead(String email, String lastName, String company) {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("Email", email);
        lead.put("LastName", lastName);
        lead.put("Company", company);
        return salesforce.create("Lead", List.of(lead)).get(0).id();
    }

    /** Adds a Lead to a campaign in Salesforce; returns the CampaignMember id. */
    public String addToCampaign(String campaignId, String leadId, String status) {
        return salesforce.create("CampaignMember", List.of(Map.of("CampaignId", campaignId, "LeadId", leadId,
                "Status", status))).get(0).id();
    }

    /** Changes a CampaignMember's status in Salesforce. */
    public void changeInSalesforce(String memberId, String status) {
        var result = salesforce.update("CampaignMember", List.of(Map.of("Id", memberId, "Status", status))).get(0);
        if (!result.success()) {
            throw new AssertionError("update failed: " + result.errors());
        }
    }

    /** Deletes a CampaignMember in Salesforce. */
    public void deleteInSalesforce(String memberId) {
        var result = salesforce.delete(List.of(memberId)).get(0);
        if (!result.success()) {
            throw new AssertionError("delete failed: " + result.errors());
        }
    }

    /** The Salesforce id Tandem holds for a person. */
    public String sfdcIdOf(long personId) {
        return text("SELECT sfdc_id FROM people WHERE id = " + personId);
    }

    /** How many activities of a type a person has. */
    public long activities(long personId, int typeId) {
        return count("SELECT COUNT(*) FROM activities WHERE person_id = " + personId + " AND type_id = " + typeId);
    }

    public long count(String sql) {
        return app.services().database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    public String text(String sql) {
        return app.services().database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class)
                .findOne().orElse(null));
    }

    public TandemApp app() {
        return app;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static JsonNode ok(JsonNode response) {
        if (!response.path("success").asBoolean()) {
            throw new AssertionError("expected success: " + response);
        }
        return response.get("result");
    }

    private static String leadInput(List<Long> ids) {
        return ids.stream().map(id -> "{\"leadId\":" + id + "}").collect(Collectors.joining(",", "[", "]"));
    }

    public static JsonNode json(String text) {
        return ApiCaller.json(text);
    }

    public static String encode(String value) {
        return ApiCaller.encode(value);
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
}
