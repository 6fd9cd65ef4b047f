package dev.tandem.server.automation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.emulator.SalesforceEmulator;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.server.http.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Salesforce flow step run again after the process died between Salesforce's write and Tandem's recording of it:
 * the write Salesforce took is recorded once (row and activity) instead of being skipped as "already done".
 * Each test first makes in Salesforce the change the killed attempt made, then runs the step.
 */
class FlowStepRetryAfterCrashEndToEndTest extends AutomationTestSupport {

    private static SalesforceEmulator emulator;
    private static SalesforceClient salesforce;

    @BeforeAll
    static void startSalesforce() {
        emulator = startWithEmulator(TestDatabases.Kind.H2);
        salesforce = salesforceUser(emulator);
        result(server.postJson("/rest/tandem/v1/settings/sync.json", "{\"campaignSyncEnabled\":true,"
                + "\"pollIntervalSeconds\":86400}"));
    }

    @AfterAll
    static void stopSalesforce() {
        emulator.close();
    }

    @Test
    void anAdditionSalesforceTookBeforeTheCrashIsRecordedOnceOnTheRetry() {
        String sf = sfCampaign();
        long adder = requested(addToSfdcCampaign(sf, "Sent"));
        poll();
        Known eve = knownLead("Eden");
        addInSalesforce(sf, eve, "Sent");

        request(adder, eve);
        request(adder, eve);
        poll();

        assertThat(activitiesBy(adder, eve.personId(), ActivityType.ADD_TO_SFDC_CAMPAIGN.id())).isEqualTo(1);
        assertThat(activitiesOf(eve.personId(), ActivityType.ADD_TO_SFDC_CAMPAIGN)).as("the poll sees its echo")
                .isEqualTo(1);
        assertThat(watchedRows(sf)).isEqualTo(1);
        assertThat(stepLog(adder, eve.personId())).hasSize(2).first().isEqualTo("0 Add to SFDC Campaign DONE");
        assertThat(stepLog(adder, eve.personId()).get(1)).startsWith("0 Add to SFDC Campaign SKIPPED Already a member");
    }

    @Test
    void aMemberSalesforceHadBeforeTandemEverReadTheCampaignIsOnlySkipped() {
        String sf = sfCampaign();
        long adder = requested(addToSfdcCampaign(sf, "Sent"));
        Known old = knownLead("Olden");
        addInSalesforce(sf, old, "Sent");

        request(adder, old);

        assertThat(activitiesBy(adder, old.personId(), ActivityType.ADD_TO_SFDC_CAMPAIGN.id())).isZero();
        assertThat(stepLog(adder, old.personId())).singleElement().asString()
                .startsWith("0 Add to SFDC Campaign SKIPPED Already a member");
    }

    @Test
    void aRemovalSalesforceTookBeforeTheCrashIsRecordedOnceOnTheRetry() {
        String sf = sfCampaign();
        long remover = requested("{\"steps\":[{\"action\":\"removeFromSfdcCampaign\",\"campaignId\":\"" + sf + "\"}]}");
        Known rae = knownLead("Rae");
        String member = addInSalesforce(sf, rae, "Sent");
        poll();
        salesforce.delete(List.of(member));

        request(remover, rae);
        request(remover, rae);
        poll();

        assertThat(activitiesBy(remover, rae.personId(), ActivityType.REMOVE_FROM_SFDC_CAMPAIGN.id())).isEqualTo(1);
        assertThat(activitiesOf(rae.personId(), ActivityType.REMOVE_FROM_SFDC_CAMPAIGN)).isEqualTo(1);
        assertThat(watchedRows(sf)).isZero();
        assertThat(stepLog(remover, rae.personId())).first().isEqualTo("0 Remove from SFDC Campaign DONE");
    }

    @Test
    void aStatusChangeSalesforceTookBeforeTheCrashIsRecordedOnceOnTheRetry() {
        String sf = sfCampaign();
        long changer = requested("{\"steps\":[{\"action\":\"changeStatusInSfdcCampaign\",\"campaignId\":\"" + sf
                + "\",\"status\":\"Responded\"}]}");
        Known cy = knownLead("Cyr");
        String member = addInSalesforce(sf, cy, "Sent");
        poll();
        salesforce.update("CampaignMember", List.of(Map.of("Id", member, "Status", "Responded")));

        request(changer, cy);
        request(changer, cy);
        poll();

        assertThat(activitiesBy(changer, cy.personId(), ActivityType.CHANGE_STATUS_IN_SFDC_CAMPAIGN.id()))
                .isEqualTo(1);
        assertThat(activitiesOf(cy.personId(), ActivityType.CHANGE_STATUS_IN_SFDC_CAMPAIGN)).isEqualTo(1);
        assertThat(stepLog(changer, cy.personId())).first().isEqualTo("0 Change Status in SFDC Campaign DONE");
    }

    @Test
    void anAdditionToALinkedCampaignTakenBeforeTheCrashReachesTheMirrorAndTheProgramOnce() {
        long program = webinar();
        String sf = result(server.postJson("/rest/tandem/v1/programs/" + program + "/salesforceCampaign.json",
                "{\"create\":{\"name\":\"" + unique("Linked") + "\"}}")).get(0).get("campaignId").asText();
        long adder = requested(addToSfdcCampaign(sf, "Registered"));
        Known lin = knownLead("Lind");
        addInSalesforce(sf, lin, "Registered");

        request(adder, lin);
        request(adder, lin);
        poll();

        assertThat(activitiesBy(adder, lin.personId(), ActivityType.ADD_TO_SFDC_CAMPAIGN.id())).isEqualTo(1);
        assertThat(activitiesOf(lin.personId(), ActivityType.ADD_TO_SFDC_CAMPAIGN)).isEqualTo(1);
        assertThat(statusOf(program, lin.personId())).contains("Registered");
        assertThat(mirrorRows(program)).isEqualTo(1);
        assertThat(members(sf)).hasSize(1);
    }

    private static String sfCampaign() {
        return salesforce.create("Campaign", List.of(Map.of("Name", unique("Unlinked")))).get(0).id();
    }

    private static String addToSfdcCampaign(String campaignId, String status) {
        return "{\"steps\":[{\"action\":\"addToSfdcCampaign\",\"campaignId\":\"" + campaignId + "\",\"status\":\""
                + status + "\"}]}";
    }

    private static long requested(String flow) {
        return activeCampaign(null, "{\"triggers\":[{\"type\":\"campaignRequested\"}],"
                + "\"qualification\":{\"rule\":\"every time\"}}", flow);
    }

    private static Known knownLead(String lastName) {
        return knownLead(salesforce, "c", lastName);
    }

    private static String addInSalesforce(String campaignId, Known lead, String status) {
        return addInSalesforce(salesforce, campaignId, lead, status);
    }

    private static List<SObject> members(String campaignId) {
        return salesforce.stream(Soql.select("Id", "LeadId", "Status").from("CampaignMember")
                .where(Cond.eq("CampaignId", campaignId)).build()).toList();
    }

    /** One poll (a sync run through the API), then the trigger queue is worked off. */
    private static JsonNode poll() {
        JsonNode report = result(server.postJson("/rest/tandem/v1/sync/run.json", "")).get(0);
        server.drain();
        return report;
    }

    private static void request(long campaign, Known person) {
        result(server.postJson("/rest/v1/campaigns/" + campaign + "/trigger.json", "{\"input\":{\"leads\":[{\"id\":"
                + person.personId() + "}]}}"));
        server.drain();
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

    private static long mirrorRows(long programId) {
        return server.app().services().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM campaign_member_mirror WHERE program_id = :p")
                .bind("p", programId).mapTo(Long.class).one());
    }
}
