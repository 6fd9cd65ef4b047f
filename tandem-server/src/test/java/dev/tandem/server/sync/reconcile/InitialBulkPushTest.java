package dev.tandem.server.sync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.core.channel.Channel;
import dev.tandem.core.person.Person;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.store.ChannelDao;
import dev.tandem.server.store.PersonDao;
import dev.tandem.server.store.StoredChannel;
import dev.tandem.server.sync.cycle.CampaignSyncModule;
import dev.tandem.server.sync.cycle.FlowTestServer;
import dev.tandem.server.sync.lead.LeadFields;
import dev.tandem.server.sync.lead.LeadIntent;
import dev.tandem.server.sync.lead.LeadIntentStore;
import dev.tandem.server.sync.link.CampaignLink;
import dev.tandem.server.sync.link.SyncLinkModule;
import dev.tandem.server.sync.mirror.MirrorStore;
import dev.tandem.server.sync.outbox.Backoff;
import dev.tandem.server.sync.outbox.OutboxStore;
import dev.tandem.server.sync.push.CampaignStatuses;
import dev.tandem.server.sync.runs.ActiveRun;
import dev.tandem.server.sync.runs.Operation;
import dev.tandem.server.sync.runs.RunOutcome;
import dev.tandem.server.sync.runs.RunRecorder;
import dev.tandem.server.sync.runs.RunStore;
import dev.tandem.server.sync.runs.SyncErrorStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The initial link's direct Bulk path: every member Salesforce lacks is written with its Lead, activities and mirror
 * row, and a record Salesforce refuses is an open sync error that a retry pushes once its cause is fixed.
 */
class InitialBulkPushTest {

    private static final int SYNC_LEAD_TO_SFDC = 19;
    private static final int ADD_TO_SFDC_CAMPAIGN = 42;

    private static FlowTestServer server;

    @BeforeAll
    static void start() {
        server = new FlowTestServer().connect();
        // The tests run the push themselves; the periodic reconcile (due at start-up) and the background pusher
        // would otherwise write the same members at the same moment. Linking still runs its initial reconcile.
        server.stopBackgroundJobs();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void linkingAProgramWritesEachMemberOnceWithItsLeadActivitiesAndMirrorRow() {
        long program = server.createWebinarProgram();
        List<Long> people = server.createPeople(3, true);
        server.setStatus(program, "Registered", people);

        String campaign = server.linkToNewCampaign(program);

        assertThat(server.salesforceMembers(campaign)).containsOnly(entry(server.sfdcIdOf(people.get(0)), "Registered"),
                entry(server.sfdcIdOf(people.get(1)), "Registered"), entry(server.sfdcIdOf(people.get(2)), "Registered"));
        for (long person : people) {
            assertThat(server.activities(person, SYNC_LEAD_TO_SFDC)).isEqualTo(1);
            assertThat(server.activities(person, ADD_TO_SFDC_CAMPAIGN)).isEqualTo(1);
        }
        assertThat(server.count("SELECT COUNT(*) FROM campaign_member_mirror WHERE program_id = " + program))
                .isEqualTo(3);
        assertThat(server.count("SELECT COUNT(*) FROM sync_outbox WHERE program_id = " + program)).isZero();
        JsonNode report = initialReport();
        assertThat(report.get("operations").get("push-leads").get("new").asLong()).isEqualTo(3);
        assertThat(report.get("operations").get("push-members").get("new").asLong()).isEqualTo(3);
    }

    @Test
    void aLeadSalesforceRefusesIsAnOpenErrorThatARetryPushesOnceItsCauseIsFixed() {
        long program = server.createWebinarProgram();
        List<Long> people = server.createPeople(2, true);
        long refused = people.get(1);
        server.postJson("/rest/v1/leads.json", "{\"action\":\"updateOnly\",\"lookupField\":\"id\",\"input\":[{\"id\":"
                + refused + ",\"lastName\":\"" + "x".repeat(100) + "\"}]}");
        server.setStatus(program, "Member", people);

        String campaign = server.linkToNewCampaign(program);

        assertThat(server.salesforceMembers(campaign)).containsOnly(entry(server.sfdcIdOf(people.get(0)), "Member"));
        JsonNode error = openErrorOf(refused);
        assertThat(error.get("operation").asText()).isEqualTo("push-leads");
        assertThat(error.get("errorCode").asText()).isEqualTo("STRING_TOO_LONG");
        assertThat(error.get("retryable").asBoolean()).isTrue();
        assertThat(server.count("SELECT COUNT(*) FROM sync_outbox WHERE attempts = 1 AND person_id = " + refused))
                .isEqualTo(1);
        assertThat(server.text("SELECT last_error_code FROM sync_outbox WHERE person_id = " + refused))
                .isEqualTo("STRING_TOO_LONG");

        server.postJson("/rest/v1/leads.json", "{\"action\":\"updateOnly\",\"lookupField\":\"id\",\"input\":[{\"id\":"
                + refused + ",\"lastName\":\"Short\"}]}");
        FlowTestServer.ok(server.postJson("/rest/tandem/v1/sync/errors/retry.json",
                "{\"ids\":[" + error.get("id").asLong() + "]}"));

        // The retry pushes it now (under load the backoff may have run out and the pusher got there first).
        await().atMost(Duration.ofSeconds(30)).until(() -> server.salesforceMembers(campaign).size() == 2);
        assertThat(server.salesforceMembers(campaign)).containsOnly(entry(server.sfdcIdOf(people.get(0)), "Member"),
                entry(server.sfdcIdOf(refused), "Member"));
        assertThat(server.count("SELECT COUNT(*) FROM sync_errors WHERE resolved_at IS NULL AND person_id = "
                + refused)).isZero();
    }

    @Test
    void aProgramLargerThanOneChunkIsWrittenChunkByChunkAndARefusedRecordWaitsInTheOutbox() {
        long program = server.createWebinarProgram();
        // Linked while empty, so that the members below are exactly what an initial reconcile finds: Tandem-only.
        String campaign = server.linkToNewCampaign(program);
        List<Long> people = server.createPeople(7, true);
        long refused = people.get(4);
        server.postJson("/rest/v1/leads.json", "{\"action\":\"updateOnly\",\"lookupField\":\"id\",\"input\":[{\"id\":"
                + refused + ",\"lastName\":\"" + "x".repeat(100) + "\"}]}");
        server.syncEnabled(false);
        server.setStatus(program, "Attended", people);
        server.app().services().database().jdbi().useHandle(h ->
                h.execute("DELETE FROM sync_outbox WHERE program_id = ?", program));
        server.syncEnabled(true);
        ActiveRun run = recorder().begin("test", () -> 0);

        RunOutcome outcome = bulkPushInChunksOf(2).push(client(), link(program), channel(), run);

        assertThat(outcome).isEqualTo(RunOutcome.COMPLETED);
        Map<String, String> inSalesforce = server.salesforceMembers(campaign);
        assertThat(inSalesforce).hasSize(6);
        for (long person : people) {
            if (person != refused) {
                assertThat(inSalesforce).containsEntry(server.sfdcIdOf(person), "Attended");
                assertThat(server.activities(person, ADD_TO_SFDC_CAMPAIGN)).isEqualTo(1);
            }
        }
        assertThat(server.count("SELECT COUNT(*) FROM campaign_member_mirror WHERE program_id = " + program))
                .isEqualTo(6);
        assertThat(server.count("SELECT COUNT(*) FROM sync_outbox WHERE attempts = 1 AND last_error_code = "
                + "'STRING_TOO_LONG' AND person_id = " + refused)).isEqualTo(1);
        assertThat(run.tally().snapshot().get(Operation.PUSH_MEMBERS).created()).isEqualTo(6);
        assertThat(run.tally().snapshot().get(Operation.PUSH_LEADS).failed()).isEqualTo(1);
    }

    @Test
    void intentsLeftByACrashAfterTheLeadJobMakeTheRerunAdoptThoseLeadsInsteadOfCreatingDuplicates() {
        long program = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(program);
        List<Long> people = server.createPeople(5, true);
        server.syncEnabled(false);
        server.setStatus(program, "Registered", people);
        jdbi().useHandle(h -> h.execute("DELETE FROM sync_outbox WHERE program_id = ?", program));
        server.syncEnabled(true);
        // The crashed attempt committed intents for the first three, and its Lead job created the first two.
        Instant crashedAt = Instant.now().minus(Duration.ofMinutes(1));
        Map<Long, String> leftInSalesforce = new HashMap<>();
        List<LeadIntent> leftOpen = new ArrayList<>();
        for (long person : people.subList(0, 3)) {
            LeadFields sent = LeadFields.of(person(person), linkModule().settings().current());
            leftOpen.add(new LeadIntent(person, crashedAt, sent));
            if (leftOpen.size() <= 2) {
                leftInSalesforce.put(person, server.salesforce.create("Lead", List.of(sent.record(null))).get(0).id());
            }
        }
        jdbi().useTransaction(tx -> new LeadIntentStore().insertAll(tx, leftOpen));
        server.emulator.control().clearRequests();
        ActiveRun run = recorder().begin("test", () -> 0);

        RunOutcome outcome = bulkPushInChunksOf(2).push(client(), link(program), channel(), run);
        long lookUps = leadQueries();

        assertThat(outcome).isEqualTo(RunOutcome.COMPLETED);
        for (long person : people) {
            assertThat(leadsWithEmail(person(person).email())).as("Leads of person %d", person)
                    .containsExactly(server.sfdcIdOf(person));
            assertThat(server.salesforceMembers(campaign)).containsEntry(server.sfdcIdOf(person), "Registered");
            assertThat(server.activities(person, SYNC_LEAD_TO_SFDC)).isEqualTo(1);
            assertThat(server.activities(person, ADD_TO_SFDC_CAMPAIGN)).isEqualTo(1);
        }
        leftInSalesforce.forEach((person, lead) -> assertThat(server.sfdcIdOf(person)).isEqualTo(lead));
        assertThat(server.count("SELECT COUNT(*) FROM lead_intents WHERE person_id IN (" + people.stream()
                .map(String::valueOf).collect(Collectors.joining(",")) + ")")).isZero();
        assertThat(run.tally().snapshot().get(Operation.PUSH_LEADS).created()).isEqualTo(5);
        // One look-up for each chunk holding people with an intent left open; the fresh third chunk needs none.
        assertThat(lookUps).isEqualTo(2);
    }

    @Test
    void aPersonWhoseLeadAnotherCreatorIsMakingRightNowIsLeftToItAndWaitsInTheOutbox() {
        long program = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(program);
        List<Long> people = server.createPeople(3, true);
        server.syncEnabled(false);
        server.setStatus(program, "Registered", people);
        jdbi().useHandle(h -> h.execute("DELETE FROM sync_outbox WHERE program_id = ?", program));
        server.syncEnabled(true);
        long held = people.get(1);
        Instant now = Instant.now();
        jdbi().useTransaction(tx -> new LeadIntentStore().claim(tx, Map.of(held, LeadFields.of(person(held),
                linkModule().settings().current())), "other-node/creator", now, now.plus(Duration.ofMinutes(15))));
        ActiveRun run = recorder().begin("test", () -> 0);

        RunOutcome outcome = bulkPushInChunksOf(10).push(client(), link(program), channel(), run);

        assertThat(outcome).isEqualTo(RunOutcome.COMPLETED);
        assertThat(leadsWithEmail(person(held).email())).isEmpty();
        assertThat(person(held).sfdcId()).isNull();
        assertThat(server.count("SELECT COUNT(*) FROM sync_outbox WHERE attempts = 0 AND person_id = " + held))
                .isEqualTo(1);
        assertThat(server.count("SELECT COUNT(*) FROM lead_intents WHERE holder = 'other-node/creator' "
                + "AND person_id = " + held)).as("the other creator's hold is untouched").isEqualTo(1);
        assertThat(server.salesforceMembers(campaign)).hasSize(2)
                .containsEntry(server.sfdcIdOf(people.get(0)), "Registered")
                .containsEntry(server.sfdcIdOf(people.get(2)), "Registered");
        assertThat(server.count("SELECT COUNT(*) FROM lead_intents WHERE holder IS NOT NULL "
                + "AND holder <> 'other-node/creator'")).as("the push released its own holds").isZero();
    }

    @Test
    void whenTheRequestLimitStopsThePushEveryMemberNotWrittenWaitsInTheOutbox() {
        long program = server.createWebinarProgram();
        server.linkToNewCampaign(program);
        List<Long> people = server.createPeople(7, true);
        server.syncEnabled(false);
        server.setStatus(program, "Registered", people);
        server.app().services().database().jdbi().useHandle(h ->
                h.execute("DELETE FROM sync_outbox WHERE program_id = ?", program));
        server.syncEnabled(true);
        ActiveRun run = recorder().begin("test", () -> 0);
        RunOutcome outcome;
        // Tandem's budget is half the org's daily limit: a few calls are left, then the push must stop.
        server.emulator.control().setApiUsage(7_500 - 4, 15_000);
        try {
            outcome = bulkPushInChunksOf(2).push(client(), link(program), channel(), run);
        } finally {
            server.emulator.control().setApiUsage(0, 15_000);
            server.connect();
        }

        assertThat(outcome).isEqualTo(RunOutcome.STOPPED_BY_LIMIT);
        long written = server.count("SELECT COUNT(*) FROM campaign_member_mirror WHERE program_id = " + program);
        long waiting = server.count("SELECT COUNT(DISTINCT person_id) FROM sync_outbox WHERE attempts = 0 "
                + "AND program_id = " + program);
        assertThat(written).isLessThan(7);
        assertThat(written + waiting).isEqualTo(7);
        assertThat(server.count("SELECT COUNT(*) FROM sync_errors WHERE resolved_at IS NULL AND program_id = "
                + program)).isZero();
    }

    private static JsonNode initialReport() {
        for (JsonNode run : FlowTestServer.ok(server.get("/rest/tandem/v1/sync/runs.json"))) {
            if (run.get("kind").asText().equals("reconcile-initial")) {
                return run;
            }
        }
        throw new AssertionError("no initial reconcile among the run reports");
    }

    private static JsonNode openErrorOf(long personId) {
        for (JsonNode error : FlowTestServer.ok(server.get("/rest/tandem/v1/sync/errors.json?unresolvedOnly=true"))) {
            if (error.path("personId").asLong() == personId) {
                return error;
            }
        }
        throw new AssertionError("no open sync error for person " + personId);
    }

    private static Person person(long id) {
        return jdbi().withHandle(h -> new PersonDao().byId(h, id)).orElseThrow();
    }

    private static List<String> leadsWithEmail(String email) {
        return server.salesforce.stream(Soql.select("Id").from("Lead").where(Cond.eq("Email", email)).build())
                .map(SObject::id).toList();
    }

    /** SOQL queries on Lead that Salesforce served since the request log was cleared. */
    private static long leadQueries() {
        return server.emulator.control().requests().stream()
                .filter(r -> r.query() != null && r.path().endsWith("/query"))
                .filter(r -> URLDecoder.decode(r.query(), StandardCharsets.UTF_8).contains("FROM Lead"))
                .count();
    }

    private static InitialBulkPush bulkPushInChunksOf(int chunk) {
        return new InitialBulkPush(jdbi(), new MirrorStore(), new OutboxStore(), new SyncErrorStore(),
                new ActivityLog(jdbi()), new CampaignStatuses(), linkModule().settings(), chunk, Backoff.DEFAULT,
                Clock.systemUTC(), "test-node");
    }

    private static RunRecorder recorder() {
        return new RunRecorder(jdbi(), new RunStore(server.app().services().json()), new SyncErrorStore(),
                Clock.systemUTC());
    }

    private static SalesforceClient client() {
        return linkModule().connections().client().orElseThrow();
    }

    private static CampaignLink link(long program) {
        return jdbi().withHandle(h -> linkModule().links().byProgram(h, program)).orElseThrow();
    }

    private static Channel channel() {
        return jdbi().withHandle(h -> new ChannelDao().byName(h, "Webinar")).map(StoredChannel::channel).orElseThrow();
    }

    private static SyncLinkModule linkModule() {
        return server.app().module(CampaignSyncModule.class).orElseThrow().link();
    }

    private static Jdbi jdbi() {
        return server.app().services().database().jdbi();
    }
}
