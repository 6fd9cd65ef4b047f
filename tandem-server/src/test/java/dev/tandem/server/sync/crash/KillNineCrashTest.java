package dev.tandem.server.sync.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.emulator.EmulatorConfig;
import dev.tandem.emulator.FaultRule;
import dev.tandem.emulator.SalesforceEmulator;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.SalesforceConfig;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.salesforce.write.SaveResult;
import dev.tandem.server.auth.NewApiClient;
import dev.tandem.server.http.ApiCaller;
import dev.tandem.server.http.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #5's crash test: Tandem runs as the real {@code tandem serve} in a child JVM over PostgreSQL, next to the
 * Salesforce emulator in this JVM. Random membership changes are made on both sides (Tandem's API: new people not
 * yet in Salesforce, status changes, removals; Salesforce: CampaignMember inserts, updates and deletes, also for
 * Leads Tandem does not know) while the child is killed with {@code kill -9} (SIGKILL: no shutdown hook runs) at
 * random moments, five times, and restarted under the same node name. Each kill aims at a crash window picked at
 * random (a Lead insert in flight, a push between claim and settlement, a poll before its cursor commit, or any
 * time), watched for in the database, and every Salesforce call is slowed down so that those windows stay open long
 * enough to be hit; a Salesforce call cut off by the kill still completes in the emulator, as it would in Salesforce. Once both sides are quiet, nothing is lost and
 * nothing is doubled: the program and the campaign hold the same members with the same statuses, one Lead per
 * person, one CampaignMember per Lead, each Lead id recorded once, campaign activities that replay exactly to
 * Salesforce's state, and no open error, outbox row or Lead intent. The seed is printed; re-run a failure with
 * {@code -Dcrash.seed=<seed>}.
 */
class KillNineCrashTest {

    private static final List<String> STATUSES = List.of("Member", "Registered", "No Show", "Attended",
            "Attended On-Demand");
    private static final int KILLS = 5;
    private static final String NODE = "crash-test-node";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long seed = Long.getLong("crash.seed", new SecureRandom().nextLong());
    private final Random random = new Random(seed);
    private final String domain = "crash-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    private final List<Long> tandemPeople = new ArrayList<>();
    private int emails;

    private SalesforceEmulator emulator;
    private SalesforceClient salesforce;
    private TestDatabases.TestDatabase database;
    private Jdbi jdbi;
    private TandemProcess tandem;
    private ApiCaller api;
    private long programId;
    private String campaignId;

    @AfterEach
    void tearDown() {
        if (tandem != null) {
            tandem.close();
        }
        if (database != null) {
            database.drop();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void killedAtRandomMomentsOfPushAndPullTandemLosesAndDoublesNothing() throws Exception {
        System.out.println("KillNineCrashTest seed=" + seed + " (re-run with -Dcrash.seed=" + seed + ")");
        startEverything();
        linkProgramWithFirstMembers();
        // Every Salesforce call now takes a little longer: wider windows between a call and the commit after it.
        emulator.control().addFault(new FaultRule(null, 0, null, null, 0, -1, 120, null));

        for (int kill = 1; kill <= KILLS; kill++) {
            Moment moment = Moment.values()[random.nextInt(Moment.values().length)];
            Killer killer = new Killer(moment, 300 + random.nextInt(1500), random.nextInt(150));
            killer.start();
            while (killer.isAlive()) {
                randomChange();
                Thread.sleep(random.nextInt(120));
            }
            System.out.println("KillNineCrashTest kill " + kill + ": " + killer.verdict);
            // Salesforce keeps changing while Tandem is down.
            for (int i = random.nextInt(3); i > 0; i--) {
                randomSalesforceChange();
            }
            tandem.start();
            api = tandem.api();
        }

        awaitQuiet();
        tandem.killNine();
        assertNothingLostNothingDoubled();
    }

    /** Where a kill aims: inside one of the crash windows, or at any time. */
    private enum Moment {
        /** A Lead intent is open: the Lead insert is in flight (or Salesforce answered and the commit is pending). */
        LEAD_INSERT("SELECT COUNT(*) FROM lead_intents"),
        /** Outbox rows are claimed: a push is between its claim and its settlement. */
        PUSH("SELECT COUNT(*) FROM sync_outbox WHERE claimed_by IS NOT NULL"),
        /** The pull lease is held: a poll is reading or applying, its cursor not yet committed. */
        PULL("SELECT COUNT(*) FROM sync_leases WHERE name = 'campaign-member-pull'"),
        /** Whenever the random delay ends. */
        ANY_TIME(null);

        private final String inWindow;

        Moment(String inWindow) {
            this.inWindow = inWindow;
        }
    }

    /**
     * Kills the child with SIGKILL once the earliest moment has passed and the aimed-at window is open (seen in the
     * database, then a random few milliseconds more), or when the window never opens within six seconds.
     */
    private final class Killer extends Thread {
        private final Moment moment;
        private final long earliest;
        private final long extraMillis;
        private volatile String verdict = "not yet";

        Killer(Moment moment, long afterMillis, long extraMillis) {
            super("crash-test-killer");
            this.moment = moment;
            this.earliest = System.nanoTime() + Duration.ofMillis(afterMillis).toNanos();
            this.extraMillis = extraMillis;
        }

        @Override
        public void run() {
            long deadline = earliest + Duration.ofSeconds(6).toNanos();
            boolean hit = false;
            try {
                while (System.nanoTime() < deadline) {
                    if (System.nanoTime() >= earliest && (moment.inWindow == null || count(moment.inWindow) > 0)) {
                        hit = moment.inWindow != null;
                        Thread.sleep(extraMillis);
                        break;
                    }
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                tandem.killNine();
                verdict = moment + (moment.inWindow == null ? "" : hit ? " (window open)" : " (window never opened)")
                        + " +" + extraMillis + " ms";
            }
        }
    }

    // ---- set-up ----

    private void startEverything() throws Exception {
        emulator = SalesforceEmulator.start(EmulatorConfig.defaults());
        salesforce = SalesforceClient.connect(SalesforceConfig.builder(emulator.baseUrl())
                .password("tandem-client-id", "tandem-client-secret", "integration@tandem.dev", "tandem-password")
                .build());
        database = TestDatabases.create(TestDatabases.Kind.POSTGRES);
        jdbi = Jdbi.create(database.url(), database.user(), database.password());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        NewApiClient client = new NewApiClient("crash-test-client", "crash test", "crash-test-secret-"
                + UUID.randomUUID());
        Map<String, String> env = Map.of(
                "TANDEM_JDBC_URL", database.url(),
                "TANDEM_DB_USER", database.user(),
                "TANDEM_DB_PASSWORD", database.password(),
                "TANDEM_SECRET_KEY", Base64.getEncoder().encodeToString(key),
                "TANDEM_API_CLIENT_ID", client.clientId(),
                "TANDEM_API_CLIENT_SECRET", client.clientSecret(),
                "TANDEM_NODE_ID", NODE);
        Path logs = Files.createDirectories(Path.of("target", "crash-test", String.valueOf(seed)));
        tandem = new TandemProcess(env, client, logs);
        tandem.start();
        api = tandem.api();
    }

    private void linkProgramWithFirstMembers() {
        ok(api.postJson("/rest/tandem/v1/settings/salesforce.json", "{\"loginUrl\":\"" + emulator.baseUrl()
                + "\",\"authMode\":\"PASSWORD\",\"clientId\":\"tandem-client-id\",\"clientSecret\":"
                + "\"tandem-client-secret\",\"username\":\"integration@tandem.dev\",\"password\":\"tandem-password\"}"));
        ok(api.postJson("/rest/tandem/v1/settings/sync.json", "{\"campaignSyncEnabled\":true,"
                + "\"pollIntervalSeconds\":1,\"defaultLeadLastName\":\"Unknown\",\"defaultLeadCompany\":\"None\"}"));
        programId = ok(api.postForm("/rest/asset/v1/programs.json", Map.of("name", "Crash " + domain,
                "folder", "{\"id\":1,\"type\":\"Folder\"}", "type", "Event", "channel", "Webinar")))
                .get(0).get("id").asLong();
        campaignId = ok(api.postJson("/rest/tandem/v1/programs/" + programId + "/salesforceCampaign.json",
                "{\"create\":{\"name\":\"Crash " + domain + "\"}}")).get(0).get("campaignId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(jdbi.withHandle(h -> h.createQuery(
                "SELECT initial_reconcile_state FROM campaign_links WHERE program_id = :p").bind("p", programId)
                .mapTo(String.class).findOne().orElse(null))));
        List<Long> first = createTandemPeople(12);
        setStatus("Registered", first.subList(0, 8));
    }

    // ---- random changes ----

    private void randomChange() {
        if (random.nextInt(100) < 60) {
            randomTandemChange();
        } else {
            randomSalesforceChange();
        }
    }

    /** A change through Tandem's API; one that the kill cuts off may or may not have been committed. */
    private void randomTandemChange() {
        try {
            int dice = random.nextInt(100);
            if (dice < 30 || tandemPeople.size() < 5) {
                setStatus(pick(STATUSES), createTandemPeople(1 + random.nextInt(6)));
            } else if (dice < 80) {
                setStatus(pick(STATUSES), sample(tandemPeople, 1 + random.nextInt(5)));
            } else {
                api.postJson("/rest/v1/programs/" + programId + "/members/delete.json",
                        "{\"input\":" + leadInput(sample(tandemPeople, 1 + random.nextInt(3))) + "}");
            }
        } catch (RuntimeException e) {
            // Tandem is being killed or restarted: the outcome of this call is unknown, which is the point.
        }
    }

    /** A change made directly in Salesforce: an insert (often for a Lead Tandem does not know), update or delete. */
    private void randomSalesforceChange() {
        int dice = random.nextInt(100);
        List<SObject> members = salesforce.stream(Soql.select("Id", "LeadId", "Status").from("CampaignMember")
                .where(Cond.eq("CampaignId", campaignId)).build()).toList();
        if (dice < 40 || members.isEmpty()) {
            String leadId = random.nextBoolean() ? newSalesforceLead() : knownLeadOutsideTheCampaign(members);
            if (leadId != null) {
                expectSuccessOrDuplicate(salesforce.create("CampaignMember", List.of(Map.of("CampaignId", campaignId,
                        "LeadId", leadId, "Status", pick(STATUSES)))).get(0));
            }
        } else if (dice < 80) {
            SObject member = pick(members);
            expectSuccessOrGone(salesforce.update("CampaignMember", List.of(Map.of("Id", member.id(),
                    "Status", pick(STATUSES)))).get(0));
        } else {
            expectSuccessOrGone(salesforce.delete(List.of(pick(members).id())).get(0));
        }
    }

    private String newSalesforceLead() {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("Email", "sf" + (++emails) + "@" + domain);
        lead.put("LastName", "Salesforce" + emails);
        lead.put("Company", "Emulated Inc");
        SaveResult created = salesforce.create("Lead", List.of(lead)).get(0);
        assertThat(created.success()).as("Lead insert: %s", created.errors()).isTrue();
        return created.id();
    }

    private String knownLeadOutsideTheCampaign(List<SObject> members) {
        List<String> inCampaign = members.stream().map(m -> m.getString("LeadId")).toList();
        List<String> known = jdbi.withHandle(h -> h.createQuery("SELECT sfdc_id FROM people WHERE sfdc_id IS NOT NULL")
                .mapTo(String.class).list()).stream().filter(id -> !inCampaign.contains(id)).toList();
        return known.isEmpty() ? null : pick(known);
    }

    private List<Long> createTandemPeople(int count) {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int n = ++emails;
            // Every third person has no name or company: the Lead gets the defaults of the sync settings.
            input.append(i == 0 ? "" : ",").append(n % 3 == 0
                    ? "{\"email\":\"t" + n + "@" + domain + "\"}"
                    : "{\"email\":\"t" + n + "@" + domain + "\",\"firstName\":\"F" + n + "\",\"lastName\":\"Tandem"
                    + n + "\",\"company\":\"Acme\"}");
        }
        List<Long> ids = new ArrayList<>();
        ok(api.postJson("/rest/v1/leads.json", "{\"input\":[" + input + "]}"))
                .forEach(r -> ids.add(r.get("id").asLong()));
        tandemPeople.addAll(ids);
        return ids;
    }

    private void setStatus(String status, List<Long> people) {
        api.postJson("/rest/v1/programs/" + programId + "/members/status.json",
                "{\"statusName\":\"" + status + "\",\"input\":" + leadInput(people) + "}");
    }

    // ---- quiescence and the verdict ----

    /** Waits until the outbox is empty and both sides hold the same members, the sync running on its own. */
    private void awaitQuiet() {
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).until(() ->
                count("SELECT COUNT(*) FROM sync_outbox WHERE attempts = 0") == 0
                        && tandemMembers().equals(salesforceMembers()));
    }

    private void assertNothingLostNothingDoubled() throws Exception {
        String replay = "(seed " + seed + ", child log " + tandem.log() + ")";
        Map<String, String> inSalesforce = salesforceMembers();
        assertThat(tandemMembers()).as("program members by Lead id vs the campaign " + replay)
                .isEqualTo(inSalesforce);
        assertThat(count("SELECT COUNT(*) FROM memberships WHERE program_id = " + programId
                + " AND person_id IN (SELECT id FROM people WHERE sfdc_id IS NULL)"))
                .as("members without a Lead " + replay).isZero();

        List<SObject> leads = salesforce.stream(Soql.select("Id", "Email").from("Lead")
                .where(Cond.endsWith("Email", "@" + domain)).build()).toList();
        Map<String, Long> leadsPerEmail = leads.stream().collect(Collectors.groupingBy(
                l -> l.getString("Email").toLowerCase(), TreeMap::new, Collectors.counting()));
        assertThat(leadsPerEmail).as("Leads per email " + replay).allSatisfy((email, n) -> assertThat(n)
                .as(email).isEqualTo(1));
        Map<String, String> emailBySfdcId = new HashMap<>();
        leads.forEach(l -> emailBySfdcId.put(l.id(), l.getString("Email").toLowerCase()));
        jdbi.useHandle(h -> h.createQuery("SELECT email, sfdc_id FROM people WHERE sfdc_id IS NOT NULL")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(p ->
                        assertThat(emailBySfdcId.get(p.getValue())).as("the Lead of " + p.getKey() + " " + replay)
                                .isEqualTo(p.getKey().toLowerCase())));

        List<String> memberLeads = salesforce.stream(Soql.select("LeadId").from("CampaignMember")
                .where(Cond.eq("CampaignId", campaignId)).build()).map(m -> m.getString("LeadId")).toList();
        assertThat(memberLeads).as("CampaignMembers per Lead " + replay).doesNotHaveDuplicates();

        Map<Long, Long> leadRecords = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT person_id, COUNT(*) FROM activities WHERE type_id = 19 "
                        + "GROUP BY person_id").map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> leadRecords.put(e.getKey(), e.getValue())));
        List<Long> linkedByTandem = jdbi.withHandle(h -> h.createQuery("SELECT id FROM people WHERE sfdc_id IS NOT "
                + "NULL AND email LIKE :createdInTandem").bind("createdInTandem", "t%@" + domain)
                .mapTo(Long.class).list());
        assertThat(leadRecords).as("'Sync Lead to SFDC' activities per person " + replay)
                .allSatisfy((person, n) -> assertThat(n).as("person " + person).isEqualTo(1));
        assertThat(leadRecords.keySet()).as("every Lead Tandem created is recorded " + replay)
                .containsExactlyInAnyOrderElementsOf(linkedByTandem);

        Map<String, Long> personBySfdcId = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, sfdc_id FROM people WHERE sfdc_id IS NOT NULL")
                .map((rs, ctx) -> Map.entry(rs.getString(2), rs.getLong(1)))
                .forEach(e -> personBySfdcId.put(e.getKey(), e.getValue())));
        Map<Long, List<MemberHistory.Step>> histories = campaignActivities();
        for (Map.Entry<Long, List<MemberHistory.Step>> e : histories.entrySet()) {
            MemberHistory history = MemberHistory.replay(e.getValue());
            assertThat(history.problems()).as("campaign activities of person " + e.getKey() + " " + replay + ": "
                    + e.getValue()).isEmpty();
        }
        for (Map.Entry<String, Long> e : personBySfdcId.entrySet()) {
            String expected = inSalesforce.get(e.getKey());
            MemberHistory history = MemberHistory.replay(histories.getOrDefault(e.getValue(), List.of()));
            assertThat(history.finalStatus()).as("activities of person " + e.getValue() + " replay to Salesforce's "
                    + "status " + replay).isEqualTo(expected);
        }

        assertThat(count("SELECT COUNT(*) FROM sync_outbox")).as("outbox rows left " + replay).isZero();
        assertThat(count("SELECT COUNT(*) FROM sync_errors WHERE resolved_at IS NULL")).as("open sync errors "
                + replay).isZero();
        // An intent may outlive its need: killed inside a Lead insert, then removed from the program before the
        // retry, a person needs no Lead any more, so nobody claims the intent again. It stays open on purpose: a
        // later Lead creation for that person looks the Lead up first instead of inserting a second one.
        assertThat(count("SELECT COUNT(*) FROM lead_intents i JOIN memberships m ON m.person_id = i.person_id "
                + "WHERE m.program_id = " + programId)).as("open Lead intents of members " + replay).isZero();
        assertThat(tandem.starts()).isEqualTo(KILLS + 1);
    }

    /** Lead id to status of the program's members (all of them must have a Lead; see the verdict). */
    private Map<String, String> tandemMembers() {
        Map<String, String> members = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT p.sfdc_id, m.status FROM memberships m JOIN people p "
                        + "ON p.id = m.person_id WHERE m.program_id = :program").bind("program", programId)
                .map((rs, ctx) -> Map.entry(String.valueOf(rs.getString(1)), rs.getString(2)))
                .forEach(e -> members.put(e.getKey(), e.getValue())));
        return members;
    }

    /** Lead id to status of the campaign's members. */
    private Map<String, String> salesforceMembers() {
        Map<String, String> members = new TreeMap<>();
        salesforce.stream(Soql.select("LeadId", "Status").from("CampaignMember")
                        .where(Cond.eq("CampaignId", campaignId)).build())
                .forEach(m -> members.put(m.getString("LeadId"), m.getString("Status")));
        return members;
    }

    /** The program's campaign activities per person, in the order they were written. */
    private Map<Long, List<MemberHistory.Step>> campaignActivities() {
        Map<Long, List<MemberHistory.Step>> steps = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, person_id, type_id, attributes FROM activities "
                        + "WHERE type_id IN (42, 43, 44) AND primary_attribute_value_id = :program ORDER BY id")
                .bind("program", programId)
                .map((rs, ctx) -> {
                    JsonNode attributes = parse(rs.getString(4));
                    return Map.entry(rs.getLong(2), new MemberHistory.Step(rs.getLong(1), rs.getInt(3),
                            text(attributes, "Status"), text(attributes, "Old Status"),
                            text(attributes, "New Status"), text(attributes, "Source")));
                })
                .forEach(e -> steps.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
        return steps;
    }

    // ---- helpers ----

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> List<T> sample(List<T> values, int n) {
        List<T> copy = new ArrayList<>(values);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    private static void expectSuccessOrDuplicate(SaveResult result) {
        assertThat(result.success() || "DUPLICATE_VALUE".equals(result.error().statusCode()))
                .as("CampaignMember insert: %s", result.errors()).isTrue();
    }

    private static void expectSuccessOrGone(SaveResult result) {
        assertThat(result.success() || result.isRecordGone()).as("CampaignMember write: %s", result.errors())
                .isTrue();
    }

    private static String leadInput(List<Long> ids) {
        return ids.stream().map(id -> "{\"leadId\":" + id + "}").collect(Collectors.joining(",", "[", "]"));
    }

    private static JsonNode ok(JsonNode response) {
        if (!response.path("success").asBoolean()) {
            throw new AssertionError("expected success: " + response);
        }
        return response.get("result");
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("activity attributes are not JSON: " + text, e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
