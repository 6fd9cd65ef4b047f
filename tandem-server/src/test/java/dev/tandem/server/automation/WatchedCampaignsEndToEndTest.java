package dev.tandem.server.automation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.emulator.FaultRule;
import dev.tandem.emulator.RecordedRequest;
import dev.tandem.emulator.SalesforceEmulator;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.server.domain.people.LookupField;
import dev.tandem.server.http.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Salesforce campaigns that no program is linked to, named by smart campaigns ("watched"): their members are pulled
 * by the sync's poll, so SFDC campaign triggers fire and the Member of SFDC Campaign filter selects on them. Tandem
 * and the emulator talk over HTTP; each poll is one sync run through Tandem's API.
 */
class WatchedCampaignsEndToEndTest extends AutomationTestSupport {

    private static SalesforceEmulator emulator;
    private static SalesforceClient salesforce;

    @BeforeAll
    static void startSalesforce() {
        startWith(TestDatabases.Kind.H2);
    }

    /** Replaces the base class's server by one with Salesforce on {@code kind}, connected to a new emulator. */
    static void startWith(TestDatabases.Kind kind) {
        emulator = startWithEmulator(kind);
        salesforce = salesforceUser(emulator);
        syncEnabled(true);
    }

    @AfterAll
    static void stopSalesforce() {
        emulator.close();
    }

    private static void syncEnabled(boolean on) {
        result(server.postJson("/rest/tandem/v1/settings/sync.json", "{\"campaignSyncEnabled\":" + on
                + ",\"pollIntervalSeconds\":86400}"));
    }

    private static String sfCampaign() {
        return salesforce.create("Campaign", List.of(Map.of("Name", unique("Unlinked")))).get(0).id();
    }

    private static Known knownLead(String lastName) {
        return knownLead(salesforce, "w", lastName);
    }

    private static String addInSalesforce(String campaignId, Known lead, String status) {
        return addInSalesforce(salesforce, campaignId, lead, status);
    }

    /** One poll (a sync run through the API), then the trigger queue is worked off. */
    private static JsonNode poll() {
        JsonNode report = result(server.postJson("/rest/tandem/v1/sync/run.json", "")).get(0);
        server.drain();
        return report;
    }

    private static String trigger(String type, String campaignId, String constraints) {
        return "{\"triggers\":[{\"type\":\"" + type + "\",\"campaigns\":[\"" + campaignId + "\"]" + constraints
                + "}],\"qualification\":{\"rule\":\"every time\"}}";
    }

    private static String is(String status) {
        return "{\"operator\":\"is\",\"values\":[\"" + status + "\"]}";
    }

    private static int activitiesOf(long personId, ActivityType type) {
        return server.app().services().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM activities WHERE person_id = :p AND type_id = :t")
                .bind("p", personId).bind("t", type.id()).mapTo(Integer.class).one());
    }

    private static long watchedRows(String campaignId) {
        return server.app().services().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM watched_campaign_members WHERE campaign_key = :k")
                .bind("k", campaignId.substring(0, 15)).mapTo(Long.class).one());
    }

    private static List<RecordedRequest> queriesNaming(String campaignId) {
        return emulator.control().requests().stream()
                .filter(r -> r.query() != null && r.query().contains(campaignId.substring(0, 15))).toList();
    }

    @Test
    void aLeadAddedInSalesforceToAnUnlinkedCampaignFiresAddedToSfdcCampaignOnce() {
        String sf = sfCampaign();
        long target = webinar();
        long listener = activeCampaign(null, trigger("addedToSfdcCampaign", sf, ",\"status\":" + is("Responded")),
                changeProgramStatus(target, "Member"));
        poll();
        Known ann = knownLead("Ames");

        addInSalesforce(sf, ann, "Responded");
        poll();
        poll();

        assertThat(statusOf(target, ann.personId())).contains("Member");
        assertThat(runsOf(listener, ann.personId())).isEqualTo(1);
        assertThat(activitiesOf(ann.personId(), ActivityType.ADD_TO_SFDC_CAMPAIGN)).isEqualTo(1);
    }

    @Test
    void membersAlreadyInTheCampaignWhenItIsFirstWatchedFireNothing() {
        String sf = sfCampaign();
        Known bea = knownLead("Bell");
        addInSalesforce(sf, bea, "Sent");
        long listener = activeCampaign(null, trigger("addedToSfdcCampaign", sf, ""),
                changeProgramStatus(webinar(), "Member"));

        poll();

        assertThat(watchedRows(sf)).as("the first poll reads the campaign in full").isEqualTo(1);
        assertThat(runsOf(listener, bea.personId())).isZero();
        assertThat(activitiesOf(bea.personId(), ActivityType.ADD_TO_SFDC_CAMPAIGN)).isZero();
    }

    @Test
    void memberOfSfdcCampaignInAndNotInWithStatusSelectsOnAnUnlinkedCampaignInABatchCampaign() {
        String sf = sfCampaign();
        String prefix = unique("Batch");
        Known responded = knownLead(prefix + "Responded");
        Known sent = knownLead(prefix + "Sent");
        Known outsider = knownLead(prefix + "Outsider");
        addInSalesforce(sf, responded, "Responded");
        addInSalesforce(sf, sent, "Sent");
        long inTarget = webinar();
        long notInTarget = webinar();
        long notInWithStatusTarget = webinar();
        long inBatch = batch(prefix, "{\"type\":\"memberOfSfdcCampaign\",\"operator\":\"in\",\"campaigns\":[\"" + sf
                + "\"],\"status\":" + is("Responded") + "}", inTarget);
        long notInBatch = batch(prefix, "{\"type\":\"memberOfSfdcCampaign\",\"operator\":\"not in\",\"campaigns\":[\""
                + sf + "\"]}", notInTarget);
        long notInWithStatusBatch = batch(prefix, "{\"type\":\"memberOfSfdcCampaign\",\"operator\":\"not in\","
                + "\"campaigns\":[\"" + sf + "\"],\"status\":" + is("Responded") + "}", notInWithStatusTarget);
        poll();

        for (long batch : List.of(inBatch, notInBatch, notInWithStatusBatch)) {
            result(server.postJson("/rest/tandem/v1/smartCampaigns/" + batch + "/runNow.json", ""));
        }
        server.drain();

        assertThat(members(inTarget)).containsExactly(responded.personId());
        assertThat(members(notInTarget)).containsExactly(outsider.personId());
        assertThat(members(notInWithStatusTarget)).containsExactlyInAnyOrder(sent.personId(), outsider.personId());
    }

    private static long batch(String lastNamePrefix, String filter, long targetProgram) {
        long id = campaign(null);
        result(saveRules(id, "{\"filters\":[{\"type\":\"personAttribute\",\"attribute\":\"lastName\","
                + "\"operator\":\"starts with\",\"values\":[\"" + lastNamePrefix + "\"]}," + filter + "]}"));
        result(saveFlow(id, changeProgramStatus(targetProgram, "Member")));
        return id;
    }

    private static List<Long> members(long programId) {
        return server.app().services().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT person_id FROM memberships WHERE program_id = :p ORDER BY person_id")
                .bind("p", programId).mapTo(Long.class).list());
    }

    @Test
    void aStatusChangedInSalesforceOnAnUnlinkedCampaignFiresStatusIsChangedWithItsConstraints() {
        String sf = sfCampaign();
        Known cy = knownLead("Cole");
        String member = addInSalesforce(sf, cy, "Sent");
        long target = webinar();
        long matching = activeCampaign(null, trigger("statusChangedInSfdcCampaign", sf, ",\"newStatus\":"
                + is("Responded") + ",\"previousStatus\":" + is("Sent")), changeProgramStatus(target, "Member"));
        long wrongPrevious = activeCampaign(null, trigger("statusChangedInSfdcCampaign", sf, ",\"previousStatus\":"
                + is("Responded")), changeProgramStatus(webinar(), "Member"));
        poll();

        salesforce.update("CampaignMember", List.of(Map.of("Id", member, "Status", "Responded")));
        poll();
        poll();

        assertThat(runsOf(matching, cy.personId())).isEqualTo(1);
        assertThat(statusOf(target, cy.personId())).contains("Member");
        assertThat(runsOf(wrongPrevious, cy.personId())).isZero();
        assertThat(activitiesOf(cy.personId(), ActivityType.CHANGE_STATUS_IN_SFDC_CAMPAIGN)).isEqualTo(1);
    }

    @Test
    void aMemberDeletedInSalesforceFromAnUnlinkedCampaignFiresRemovedFromSfdcCampaign() {
        String sf = sfCampaign();
        Known dee = knownLead("Dunn");
        String member = addInSalesforce(sf, dee, "Sent");
        long target = webinar();
        long listener = activeCampaign(null, trigger("removedFromSfdcCampaign", sf, ""),
                changeProgramStatus(target, "No Show"));
        poll();

        salesforce.delete(List.of(member));
        poll();
        poll();

        assertThat(runsOf(listener, dee.personId())).isEqualTo(1);
        assertThat(statusOf(target, dee.personId())).contains("No Show");
        assertThat(watchedRows(sf)).isZero();
    }

    @Test
    void aFlowStepAddingToAWatchedCampaignWritesOneActivityAndThePollSeesItsEcho() {
        String sf = sfCampaign();
        long adder = activeCampaign(null, "{\"triggers\":[{\"type\":\"campaignRequested\"}]}",
                "{\"steps\":[{\"action\":\"addToSfdcCampaign\",\"campaignId\":\"" + sf + "\",\"status\":\"Sent\"}]}");
        long target = webinar();
        long listener = activeCampaign(null, trigger("addedToSfdcCampaign", sf, ""),
                changeProgramStatus(target, "Member"));
        poll();
        Known eve = knownLead("Eden");

        request(adder, eve);
        server.drain();
        poll();
        poll();

        assertThat(activitiesOf(eve.personId(), ActivityType.ADD_TO_SFDC_CAMPAIGN)).isEqualTo(1);
        assertThat(runsOf(listener, eve.personId())).isEqualTo(1);
        assertThat(watchedRows(sf)).isEqualTo(1);
    }

    @Test
    void flowStepsChangingStatusAndRemovingOnAWatchedCampaignWriteEachActivityOnce() {
        String sf = sfCampaign();
        Known ida = knownLead("Irwin");
        addInSalesforce(sf, ida, "Sent");
        long change = activeCampaign(null, "{\"triggers\":[{\"type\":\"campaignRequested\"}]}",
                "{\"steps\":[{\"action\":\"changeStatusInSfdcCampaign\",\"campaignId\":\"" + sf
                        + "\",\"status\":\"Responded\"}]}");
        long remove = activeCampaign(null, "{\"triggers\":[{\"type\":\"campaignRequested\"}]}",
                "{\"steps\":[{\"action\":\"removeFromSfdcCampaign\",\"campaignId\":\"" + sf + "\"}]}");
        poll();

        request(change, ida);
        poll();
        poll();
        request(remove, ida);
        poll();
        poll();

        assertThat(activitiesOf(ida.personId(), ActivityType.CHANGE_STATUS_IN_SFDC_CAMPAIGN)).isEqualTo(1);
        assertThat(activitiesOf(ida.personId(), ActivityType.REMOVE_FROM_SFDC_CAMPAIGN)).isEqualTo(1);
        assertThat(activitiesOf(ida.personId(), ActivityType.ADD_TO_SFDC_CAMPAIGN)).as("the snapshot is no change")
                .isZero();
        assertThat(watchedRows(sf)).isZero();
    }

    private static void request(long campaign, Known person) {
        result(server.postJson("/rest/v1/campaigns/" + campaign + "/trigger.json", "{\"input\":{\"leads\":[{\"id\":"
                + person.personId() + "}]}}"));
        server.drain();
    }

    private static String storedName(String campaignId) {
        return server.app().services().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT campaign_name FROM watched_campaigns WHERE campaign_key = :k")
                .bind("k", campaignId.substring(0, 15)).mapTo(String.class).one());
    }

    /** The SOQL of the queries on Campaign (not CampaignMember) that name the campaign. */
    private static List<String> campaignQueriesNaming(String campaignId) {
        return queriesNaming(campaignId).stream().map(r -> URLDecoder.decode(r.query(), StandardCharsets.UTF_8))
                .filter(q -> q.contains("FROM Campaign ")).toList();
    }

    @Test
    void aFullReadStoresTheNamesOfEveryCampaignItReadWithOneQuery() {
        String webinar = salesforce.create("Campaign", List.of(Map.of("Name", "Spring Webinar"))).get(0).id();
        String fair = salesforce.create("Campaign", List.of(Map.of("Name", "Trade Fair"))).get(0).id();
        long naming = campaign(null);
        result(saveRules(naming, "{\"filters\":[{\"type\":\"memberOfSfdcCampaign\",\"operator\":\"in\","
                + "\"campaigns\":[\"" + webinar + "\",\"" + fair + "\"]}]}"));

        poll();

        assertThat(storedName(webinar)).isEqualTo("Spring Webinar");
        assertThat(storedName(fair)).isEqualTo("Trade Fair");
        List<String> nameQueries = campaignQueriesNaming(webinar);
        assertThat(nameQueries).as("one name query for all full reads of the poll").hasSize(1);
        assertThat(nameQueries.get(0)).contains(fair.substring(0, 15));
    }

    /** One poll that Tandem reports as a failed run. */
    private static JsonNode pollExpectingFailure() {
        JsonNode report = result(server.postJson("/rest/tandem/v1/sync/run.json", "")).get(0);
        server.drain();
        return report;
    }

    private static boolean fullReadDue(String campaignId) {
        return server.app().services().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT snapshot_at IS NULL FROM watched_campaigns WHERE campaign_key = :k")
                .bind("k", campaignId.substring(0, 15)).mapTo(Boolean.class).one());
    }

    private static String watchedByANewSmartCampaign(String name) {
        String sf = salesforce.create("Campaign", List.of(Map.of("Name", name))).get(0).id();
        result(saveRules(campaign(null), "{\"filters\":[{\"type\":\"memberOfSfdcCampaign\",\"operator\":"
                + "\"in\",\"campaigns\":[\"" + sf + "\"]}]}"));
        return sf;
    }

    @Test
    void anOutageWhileReadingNamesLeavesTheFullReadDueAndTheNextPollStoresTheName() {
        String sf = watchedByANewSmartCampaign("Autumn Roadshow");
        // The poll's first query is the full read of the campaign; every query after it fails.
        emulator.control().addFault(new FaultRule("SERVER_UNAVAILABLE", 503, "GET", "/query", 1, -1, 0, null));
        JsonNode failed;
        try {
            failed = pollExpectingFailure();
        } finally {
            emulator.control().clearFaults();
        }
        assertThat(failed.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(failed.get("note").asText()).contains("SERVER_UNAVAILABLE");
        assertThat(fullReadDue(sf)).as("taken again with its name next time").isTrue();
        assertThat(storedName(sf)).isNull();

        poll();

        assertThat(fullReadDue(sf)).isFalse();
        assertThat(storedName(sf)).isEqualTo("Autumn Roadshow");
    }

    @Test
    void aRefusalToReadNamesKeepsTheFullReadAndLeavesTheNameUnknown() {
        String sf = watchedByANewSmartCampaign("Winter Gala");
        emulator.control().addFault(new FaultRule("INVALID_TYPE", 400, "GET", "/query", 1, 1, 0, null));
        JsonNode report;
        try {
            report = poll();
        } finally {
            emulator.control().clearFaults();
        }

        assertThat(report.get("outcome").asText()).as("the sync goes on").isEqualTo("COMPLETED");
        assertThat(fullReadDue(sf)).isFalse();
        assertThat(storedName(sf)).isNull();
    }

    @Test
    void aPollWithNoFullReadDueReadsNoNames() {
        String sf = sfCampaign();
        long naming = campaign(null);
        result(saveRules(naming, "{\"filters\":[{\"type\":\"memberOfSfdcCampaign\",\"operator\":\"in\","
                + "\"campaigns\":[\"" + sf + "\"]}]}"));
        poll();
        int nameQueriesBefore = campaignQueriesNaming(sf).size();

        poll();

        assertThat(nameQueriesBefore).isEqualTo(1);
        assertThat(campaignQueriesNaming(sf)).as("no name query without a full read due").hasSize(1);
        assertThat(storedName(sf)).startsWith("Unlinked");
    }

    @Test
    void anIdlePollCostsExactlyOneApiCallWithWatchedCampaigns() {
        String sf = sfCampaign();
        Known fay = knownLead("Ford");
        addInSalesforce(sf, fay, "Sent");
        activeCampaign(null, trigger("addedToSfdcCampaign", sfCampaign(), ""), changeProgramStatus(webinar(), "Member"));
        activeCampaign(null, trigger("removedFromSfdcCampaign", sf, ""), changeProgramStatus(webinar(), "Member"));
        poll();
        long before = emulator.control().apiCallsUsed();

        JsonNode idle = poll();

        assertThat(emulator.control().apiCallsUsed() - before).isEqualTo(1);
        assertThat(idle.get("apiCalls").asLong()).isEqualTo(1);
    }

    @Test
    void aCampaignSalesforceRefusesToReadIsReportedAndLeftOutWhileOthersKeepSyncing() {
        String refused = "701000000000009ZZZ"; // the shape of an id, but its checksum is wrong
        long naming = campaign(null);
        result(saveRules(naming, "{\"filters\":[{\"type\":\"memberOfSfdcCampaign\",\"operator\":\"in\","
                + "\"campaigns\":[\"" + refused + "\"]}]}"));
        String sf = sfCampaign();
        long listener = activeCampaign(null, trigger("addedToSfdcCampaign", sf, ""),
                changeProgramStatus(webinar(), "Member"));
        Known joe = knownLead("Joyce");

        JsonNode first = poll();
        addInSalesforce(sf, joe, "Sent");
        poll();
        long before = emulator.control().apiCallsUsed();
        poll();
        long idleCalls = emulator.control().apiCallsUsed() - before;
        result(server.postJson("/rest/tandem/v1/sync/errors/retry.json", "{}"));
        poll();

        assertThat(first.get("operations").get("read-watched").get("failed").asLong()).isEqualTo(1);
        assertThat(runsOf(listener, joe.personId())).as("the other campaigns keep syncing").isEqualTo(1);
        assertThat(idleCalls).as("a refused campaign costs no call while left out").isEqualTo(1);
        JsonNode error = openReadErrors(refused);
        assertThat(error.get("message").asText()).contains(refused, "[" + naming + "]", "left out of the sync");
        assertThat(error.get("attempts").asInt()).as("retried and refused again").isEqualTo(2);
    }

    private static JsonNode openReadErrors(String campaignId) {
        JsonNode errors = result(server.get("/rest/tandem/v1/sync/errors.json?unresolvedOnly=true&batchSize=200"));
        List<JsonNode> matching = new java.util.ArrayList<>();
        errors.forEach(e -> {
            if ("read-watched".equals(e.get("operation").asText()) && campaignId.equals(e.get("sfRecordId").asText())
                    && e.get("resolvedAt").isNull()) {
                matching.add(e);
            }
        });
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    @Test
    void aPollOfManyChangesOnAWatchedCampaignCostsOneCallPerTwoThousandRowsPlusOne() {
        String sf = sfCampaign();
        int count = 2100;
        List<Map<String, Object>> leads = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            leads.add(Map.of("LastName", "Many" + i, "Company", "Acme"));
        }
        List<String> leadIds = new java.util.ArrayList<>();
        List<String> memberIds = new java.util.ArrayList<>();
        for (int from = 0; from < count; from += 200) {
            salesforce.create("Lead", leads.subList(from, from + Math.min(200, count - from)))
                    .forEach(r -> leadIds.add(r.id()));
        }
        for (int from = 0; from < count; from += 200) {
            salesforce.create("CampaignMember", leadIds.subList(from, from + Math.min(200, count - from)).stream()
                    .map(id -> Map.<String, Object>of("CampaignId", sf, "LeadId", id, "Status", "Sent")).toList())
                    .forEach(r -> memberIds.add(r.id()));
        }
        long campaign = campaign(null);
        result(saveRules(campaign, "{\"filters\":[{\"type\":\"memberOfSfdcCampaign\",\"operator\":\"in\","
                + "\"campaigns\":[\"" + sf + "\"]}]}"));
        poll();
        poll();
        for (int from = 0; from < count; from += 200) {
            salesforce.update("CampaignMember", memberIds.subList(from, from + Math.min(200, count - from)).stream()
                    .map(id -> Map.<String, Object>of("Id", id, "Status", "Responded")).toList());
        }
        long before = emulator.control().apiCallsUsed();

        poll();

        assertThat(emulator.control().apiCallsUsed() - before).isLessThanOrEqualTo((long) Math.ceil(count / 2000.0) + 1);
        long responded = server.app().services().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM watched_campaign_members WHERE campaign_key = :k AND sf_status = :s")
                .bind("k", sf.substring(0, 15)).bind("s", "Responded").mapTo(Long.class).one());
        assertThat(responded).isEqualTo(count);
    }

    @Test
    void aLeadTandemDoesNotKnowIsKeptAsAMemberButCreatesNobody() {
        String sf = sfCampaign();
        activeCampaign(null, trigger("addedToSfdcCampaign", sf, ""), changeProgramStatus(webinar(), "Member"));
        poll();
        String stranger = salesforce.create("Lead", List.of(Map.of("LastName", "Stranger", "Company", "Acme")))
                .get(0).id();

        salesforce.create("CampaignMember", List.of(Map.of("CampaignId", sf, "LeadId", stranger, "Status", "Sent")));
        poll();

        assertThat(server.app().services().people().find(LookupField.SFDC_ID, List.of(stranger), 10, null).items())
                .isEmpty();
        assertThat(watchedRows(sf)).isEqualTo(1);
    }

    @Test
    void aCampaignNoSmartCampaignNamesAnyMoreIsNoLongerPulledAndItsRowsAreDropped() {
        String sf = sfCampaign();
        Known gus = knownLead("Gray");
        addInSalesforce(sf, gus, "Sent");
        long campaign = campaign(null);
        result(saveRules(campaign, "{\"filters\":[{\"type\":\"memberOfSfdcCampaign\",\"operator\":\"in\","
                + "\"campaigns\":[\"" + sf + "\"]}]}"));
        poll();
        assertThat(watchedRows(sf)).isEqualTo(1);

        result(saveRules(campaign, "{\"filters\":[{\"type\":\"personAttribute\",\"attribute\":\"lastName\","
                + "\"operator\":\"is\",\"values\":[\"Gray\"]}]}"));
        emulator.control().clearRequests();
        poll();

        assertThat(watchedRows(sf)).isZero();
        assertThat(queriesNaming(sf)).as("the poll's query no longer names the campaign").isEmpty();
    }

    @Test
    void whileCampaignSyncIsOffTriggersDoNotFireAndFiltersSeeTheLastKnownState() {
        String sf = sfCampaign();
        Known hal = knownLead("Hale");
        String member = addInSalesforce(sf, hal, "Sent");
        long listener = activeCampaign(null, trigger("statusChangedInSfdcCampaign", sf, ""),
                changeProgramStatus(webinar(), "Member"));
        poll();
        syncEnabled(false);
        try {
            salesforce.update("CampaignMember", List.of(Map.of("Id", member, "Status", "Responded")));

            JsonNode skipped = poll();

            assertThat(skipped.get("outcome").asText()).isEqualTo("SKIPPED_DISABLED");
            assertThat(runsOf(listener, hal.personId())).isZero();
            assertThat(statusInMirror(sf, hal)).isEqualTo("Sent");
            JsonNode diagnosis = result(server.get("/rest/tandem/v1/salesforce/diagnosis.json"));
            assertThat(diagnosis.get(0).get("message").asText())
                    .contains("triggers do not fire", "filters see the members last read");
        } finally {
            syncEnabled(true);
        }
        poll();
        assertThat(runsOf(listener, hal.personId())).as("the change is picked up once sync is back").isEqualTo(1);
    }

    private static String statusInMirror(String campaignId, Known lead) {
        return server.app().services().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT sf_status FROM watched_campaign_members WHERE campaign_key = :k AND lead_id = :l")
                .bind("k", campaignId.substring(0, 15)).bind("l", lead.leadId()).mapTo(String.class).one());
    }

    @Test
    void aWatchedCampaignLinkedToAProgramIsLeftToTheMirrorAndReadAgainOnceUnlinked() {
        String sf = sfCampaign();
        salesforce.create("CampaignMemberStatus", List.of(Map.of("CampaignId", sf, "Label", "Registered",
                "SortOrder", 10)));
        Known ida = knownLead("Ives");
        addInSalesforce(sf, ida, "Registered");
        long campaign = campaign(null);
        result(saveRules(campaign, "{\"filters\":[{\"type\":\"memberOfSfdcCampaign\",\"operator\":\"in\","
                + "\"campaigns\":[\"" + sf + "\"]}]}"));
        poll();
        long program = webinar();

        result(server.postJson("/rest/tandem/v1/programs/" + program + "/salesforceCampaign.json",
                "{\"campaignId\":\"" + sf + "\"}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(program, ida.personId()).isPresent());
        poll();

        assertThat(watchedRows(sf)).as("the mirror holds a linked campaign's members").isZero();
        assertThat(statusOf(program, ida.personId())).contains("Registered");
        int additionsWhileLinked = activitiesOf(ida.personId(), ActivityType.ADD_TO_SFDC_CAMPAIGN);

        result(server.postJson("/rest/tandem/v1/programs/" + program + "/salesforceCampaign/delete.json", ""));
        poll();

        assertThat(watchedRows(sf)).as("read in full again once unlinked").isEqualTo(1);
        assertThat(activitiesOf(ida.personId(), ActivityType.ADD_TO_SFDC_CAMPAIGN))
                .as("reading it again is no change").isEqualTo(additionsWhileLinked);
    }
}
