package dev.tandem.server.automation;

import dev.tandem.core.activity.ActivityType;
import dev.tandem.core.person.Person;
import dev.tandem.emulator.FaultRule;
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
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Salesforce flow actions against the emulator over HTTP, with Tandem's connection set through its API. */
class SalesforceActionsEndToEndTest extends AutomationTestSupport {

    private static SalesforceEmulator emulator;
    private static SalesforceClient salesforce;

    @BeforeAll
    static void startSalesforce() {
        startWith(TestDatabases.Kind.H2);
    }

    /** Replaces the base class's server by one with Salesforce actions on {@code kind}, connected to an emulator. */
    static void startWith(TestDatabases.Kind kind) {
        emulator = startWithEmulator(kind);
        salesforce = salesforceUser(emulator);
        result(server.postJson("/rest/tandem/v1/settings/sync.json", "{\"campaignSyncEnabled\":true}"));
    }

    @AfterAll
    static void stopSalesforce() {
        emulator.close();
    }

    private static String sfCampaign() {
        return salesforce.create("Campaign", List.of(Map.of("Name", unique("Campaign")))).get(0).id();
    }

    private static String linkNewCampaign(long programId) {
        return result(server.postJson("/rest/tandem/v1/programs/" + programId + "/salesforceCampaign.json",
                "{\"create\":{\"name\":\"" + unique("Linked") + "\"}}")).get(0).get("campaignId").asText();
    }

    private static List<SObject> members(String campaignId) {
        return salesforce.stream(Soql.select("Id", "LeadId", "ContactId", "Status").from("CampaignMember")
                .where(Cond.eq("CampaignId", campaignId)).build()).toList();
    }

    private static Person personNow(long id) {
        return server.app().services().people().get(id).orElseThrow();
    }

    private static String requested(String flow, Long programId) {
        long campaign = activeCampaign(programId, "{\"triggers\":[{\"type\":\"campaignRequested\"}],"
                + "\"qualification\":{\"rule\":\"every time\"}}", flow);
        return Long.toString(campaign);
    }

    private static void request(String campaign, long... people) {
        String leads = java.util.Arrays.stream(people).mapToObj(id -> "{\"id\":" + id + "}")
                .collect(Collectors.joining(","));
        result(server.postJson("/rest/v1/campaigns/" + campaign + "/trigger.json", "{\"input\":{\"leads\":[" + leads
                + "]}}"));
        server.drain();
    }

    @Test
    void addToSfdcCampaignCreatesTheLeadFirstAndAddsItWithTheStatus() {
        String sf = sfCampaign();
        String campaign = requested("{\"steps\":[{\"action\":\"addToSfdcCampaign\",\"campaignId\":\"" + sf
                + "\",\"status\":\"Responded\"}]}", null);
        long ann = people("Ames").get(0);

        request(campaign, ann);

        Person synced = personNow(ann);
        assertThat(synced.sfdcId()).isNotNull();
        SObject lead = salesforce.stream(Soql.select("Id", "LastName", "Company").from("Lead")
                .where(Cond.eq("Id", synced.sfdcId())).build()).findFirst().orElseThrow();
        assertThat(lead.getString("LastName")).isEqualTo("Ames");
        assertThat(members(sf)).singleElement().satisfies(m -> {
            assertThat(m.getString("LeadId")).isEqualTo(synced.sfdcId());
            assertThat(m.getString("Status")).isEqualTo("Responded");
        });
        long id = Long.parseLong(campaign);
        assertThat(activitiesBy(id, ann, ActivityType.SYNC_LEAD_TO_SFDC.id())).isEqualTo(1);
        assertThat(activitiesBy(id, ann, ActivityType.ADD_TO_SFDC_CAMPAIGN.id())).isEqualTo(1);
    }

    @Test
    void requestTokensGiveTheStatusAndTheProgramsSfdcCampaignTokenGivesTheCampaignOfAddToSfdcCampaign() {
        String sf = sfCampaign();
        long program = webinar();
        result(server.postForm("/rest/asset/v1/folder/" + program + "/tokens.json", Map.of("name", "SFDC Campaign",
                "type", "sfdc campaign", "value", sf, "folderType", "Program")));
        result(server.postForm("/rest/asset/v1/folder/" + program + "/tokens.json", Map.of("name", "Status",
                "type", "text", "value", "Sent", "folderType", "Program")));
        String campaign = requested("{\"steps\":[{\"action\":\"addToSfdcCampaign\","
                + "\"campaignId\":\"{{my.SFDC Campaign}}\",\"status\":\"{{my.Status}}\"}]}", program);
        long cy = people("Cyr").get(0);

        result(server.postJson("/rest/v1/campaigns/" + campaign + "/trigger.json", "{\"input\":{\"leads\":[{\"id\":"
                + cy + "}],\"tokens\":[{\"name\":\"{{my.Status}}\",\"value\":\"Responded\"}]}}"));
        server.drain();

        String leadId = personNow(cy).sfdcId();
        assertThat(members(sf)).singleElement().satisfies(m -> {
            assertThat(m.getString("LeadId")).isEqualTo(leadId);
            assertThat(m.getString("Status")).isEqualTo("Responded");
        });
    }

    @Test
    void addToSfdcCampaignSkipsPeopleAlreadyInItWithoutChangingTheirStatus() {
        String sf = sfCampaign();
        String first = requested("{\"steps\":[{\"action\":\"addToSfdcCampaign\",\"campaignId\":\"" + sf
                + "\",\"status\":\"Sent\"}]}", null);
        String second = requested("{\"steps\":[{\"action\":\"addToSfdcCampaign\",\"campaignId\":\"" + sf
                + "\",\"status\":\"Responded\"}]}", null);
        long bob = person();
        request(first, bob);

        request(second, bob);

        assertThat(members(sf)).singleElement().satisfies(m -> assertThat(m.getString("Status")).isEqualTo("Sent"));
        assertThat(stepLog(Long.parseLong(second), bob)).singleElement().asString()
                .startsWith("0 Add to SFDC Campaign SKIPPED Already a member of campaign");
    }

    @Test
    void removeFromSfdcCampaignRemovesMembersAndSkipsOthers() {
        String sf = sfCampaign();
        String add = requested("{\"steps\":[{\"action\":\"addToSfdcCampaign\",\"campaignId\":\"" + sf
                + "\",\"status\":\"Sent\"}]}", null);
        String remove = requested("{\"steps\":[{\"action\":\"removeFromSfdcCampaign\",\"campaignId\":\"" + sf
                + "\"}]}", null);
        List<Long> ids = people("Member", "Stranger");
        request(add, ids.get(0));

        request(remove, ids.get(0), ids.get(1));

        assertThat(members(sf)).isEmpty();
        assertThat(stepLog(Long.parseLong(remove), ids.get(0))).containsExactly("0 Remove from SFDC Campaign DONE");
        assertThat(stepLog(Long.parseLong(remove), ids.get(1))).singleElement().asString()
                .startsWith("0 Remove from SFDC Campaign SKIPPED Not a member of campaign");
        assertThat(personNow(ids.get(1)).sfdcId()).as("removal never creates a Lead").isNull();
        assertThat(activitiesBy(Long.parseLong(remove), ids.get(0), ActivityType.REMOVE_FROM_SFDC_CAMPAIGN.id()))
                .isEqualTo(1);
    }

    @Test
    void changeStatusInSfdcCampaignUpdatesMembersAndAddsOthers() {
        String sf = sfCampaign();
        String add = requested("{\"steps\":[{\"action\":\"addToSfdcCampaign\",\"campaignId\":\"" + sf
                + "\",\"status\":\"Sent\"}]}", null);
        String change = requested("{\"steps\":[{\"action\":\"changeStatusInSfdcCampaign\",\"campaignId\":\"" + sf
                + "\",\"status\":\"Responded\"}]}", null);
        List<Long> ids = people("Existing", "Newcomer");
        request(add, ids.get(0));

        request(change, ids.get(0), ids.get(1));

        assertThat(members(sf)).hasSize(2).allSatisfy(m -> assertThat(m.getString("Status")).isEqualTo("Responded"));
        long id = Long.parseLong(change);
        assertThat(activitiesBy(id, ids.get(0), ActivityType.CHANGE_STATUS_IN_SFDC_CAMPAIGN.id())).isEqualTo(1);
        assertThat(activitiesBy(id, ids.get(1), ActivityType.ADD_TO_SFDC_CAMPAIGN.id())).isEqualTo(1);
    }

    @Test
    void syncPersonToSfdcCreatesALeadWithDefaultsAndUpdatesItNextTime() {
        String sync = requested("{\"steps\":[{\"action\":\"syncPersonToSfdc\"}]}", null);
        String email = unique("x") + "@example.com";
        long person = result(server.postJson("/rest/v1/leads.json", "{\"input\":[{\"email\":\"" + email + "\"}]}"))
                .get(0).get("id").asLong();

        request(sync, person);
        String leadId = personNow(person).sfdcId();
        result(server.postJson("/rest/v1/leads.json", "{\"action\":\"updateOnly\",\"lookupField\":\"id\","
                + "\"input\":[{\"id\":" + person + ",\"lastName\":\"Later\"}]}"));
        request(sync, person);

        SObject lead = salesforce.stream(Soql.select("Id", "LastName", "Company", "Email").from("Lead")
                .where(Cond.eq("Id", leadId)).build()).findFirst().orElseThrow();
        assertThat(lead.getString("Email")).isEqualTo(email);
        assertThat(lead.getString("Company")).as("default company from the sync settings").isNotBlank();
        assertThat(lead.getString("LastName")).isEqualTo("Later");
        assertThat(activitiesBy(Long.parseLong(sync), person, ActivityType.SYNC_LEAD_TO_SFDC.id())).isEqualTo(2);
    }

    @Test
    void aCampaignOfALinkedProgramSkipsTheImpliedSyncButTheSameCampaignElsewhereCreatesTheLead() {
        long linkedProgram = webinar();
        String sf = linkNewCampaign(linkedProgram);
        String flow = "{\"steps\":[{\"action\":\"addToSfdcCampaign\",\"campaignId\":\"" + sf
                + "\",\"status\":\"Registered\"}]}";
        String inLinked = requested(flow, linkedProgram);
        String outside = requested(flow, null);
        long cara = person();
        long dev = person();

        request(inLinked, cara);
        request(outside, dev);

        assertThat(personNow(cara).sfdcId()).isNull();
        assertThat(stepLog(Long.parseLong(inLinked), cara)).containsExactly("0 Add to SFDC Campaign SKIPPED Person is "
                + "not in Salesforce; the implied Sync Person to SFDC is off in smart campaigns of a program linked to "
                + "a Salesforce campaign");
        assertThat(personNow(dev).sfdcId()).isNotNull();
        assertThat(members(sf)).singleElement()
                .satisfies(m -> assertThat(m.getString("LeadId")).isEqualTo(personNow(dev).sfdcId()));
        assertThat(statusOf(linkedProgram, dev)).as("the linked program follows its campaign").contains("Registered");
    }

    @Test
    void aStatusChangedToAttendedInALinkedCampaignFiresACampaignThatChangesAnotherProgramOnce() {
        long webinar = webinar();
        String sf = linkNewCampaign(webinar);
        long followUp = webinar();
        String attend = requested("{\"steps\":[{\"action\":\"changeStatusInSfdcCampaign\",\"campaignId\":\"" + sf
                + "\",\"status\":\"Attended\"}]}", null);
        String register = requested("{\"steps\":[{\"action\":\"addToSfdcCampaign\",\"campaignId\":\"" + sf
                + "\",\"status\":\"Registered\"}]}", null);
        long listener = activeCampaign(null, "{\"triggers\":[{\"type\":\"statusChangedInSfdcCampaign\","
                        + "\"campaigns\":[\"" + sf + "\"],\"newStatus\":{\"operator\":\"is\",\"values\":[\"Attended\"]}}]}",
                changeProgramStatus(followUp, "Attended"));
        long eve = person();
        request(register, eve);

        request(attend, eve);
        server.drain();

        assertThat(members(sf)).singleElement().satisfies(m -> assertThat(m.getString("Status")).isEqualTo("Attended"));
        assertThat(statusOf(webinar, eve)).contains("Attended");
        assertThat(statusOf(followUp, eve)).contains("Attended");
        assertThat(runsOf(listener, eve)).isEqualTo(1);
        assertThat(activitiesBy(listener, eve, ActivityType.CHANGE_STATUS_IN_PROGRESSION.id())).isEqualTo(1);
    }

    @Test
    void addedToSfdcCampaignTriggersFireForUnlinkedCampaignsToo() {
        String sf = sfCampaign();
        long target = webinar();
        String add = requested("{\"steps\":[{\"action\":\"addToSfdcCampaign\",\"campaignId\":\"" + sf
                + "\",\"status\":\"Responded\"}]}", null);
        activeCampaign(null, "{\"triggers\":[{\"type\":\"addedToSfdcCampaign\",\"campaigns\":[\"" + sf + "\"],"
                + "\"status\":{\"operator\":\"is\",\"values\":[\"Responded\"]}}]}", changeProgramStatus(target, "Member"));
        long fay = person();

        request(add, fay);
        server.drain();

        assertThat(statusOf(target, fay)).contains("Member");
    }

    @Test
    void memberOfSfdcCampaignFilterSeesLinkedCampaignMembers() {
        long webinar = webinar();
        String sf = linkNewCampaign(webinar);
        long target = webinar();
        String add = requested("{\"steps\":[{\"action\":\"addToSfdcCampaign\",\"campaignId\":\"" + sf
                + "\",\"status\":\"Registered\"}]}", null);
        String check = requested("{\"steps\":[{\"action\":\"changeProgramStatus\",\"programId\":" + target
                + ",\"status\":\"Member\",\"choices\":[{\"if\":{\"type\":\"memberOfSfdcCampaign\",\"operator\":\"in\","
                + "\"campaigns\":[\"" + sf + "\"],\"status\":{\"operator\":\"is\",\"values\":[\"Registered\"]}},"
                + "\"then\":{\"action\":\"changeProgramStatus\",\"programId\":" + target + ",\"status\":\"Registered\"}}]}]}",
                null);
        List<Long> ids = people("Joined", "Outsider");
        request(add, ids.get(0));

        request(check, ids.get(0), ids.get(1));

        assertThat(statusOf(target, ids.get(0))).contains("Registered");
        assertThat(statusOf(target, ids.get(1))).contains("Member");
    }

    @Test
    void aBatchOfPeopleGoesToSalesforceTwoHundredRecordsACall() {
        String sf = sfCampaign();
        long campaign = campaign(null);
        String prefix = unique("Bulk");
        result(saveRules(campaign, "{\"filters\":[{\"type\":\"personAttribute\",\"attribute\":\"lastName\","
                + "\"operator\":\"starts with\",\"values\":[\"" + prefix + "\"]}]}"));
        result(saveFlow(campaign, "{\"steps\":[{\"action\":\"addToSfdcCampaign\",\"campaignId\":\"" + sf
                + "\",\"status\":\"Sent\"}]}"));
        String[] names = new String[250];
        java.util.Arrays.setAll(names, i -> prefix + i);
        people(names);
        server.drain();
        long before = emulator.control().apiCallsUsed();

        result(server.postJson("/rest/tandem/v1/smartCampaigns/" + campaign + "/runNow.json", ""));
        server.drain();

        long used = emulator.control().apiCallsUsed() - before;
        assertThat(members(sf)).hasSize(250);
        assertThat(used).as("2 calls creating 250 Leads and 2 adding them, at 200 records a call").isEqualTo(4);
    }

    @Test
    void aStatusChangePulledFromSalesforceFiresTheTriggerOnce() {
        long webinar = webinar();
        String sf = linkNewCampaign(webinar);
        long followUp = webinar();
        long listener = activeCampaign(null, "{\"triggers\":[{\"type\":\"statusChangedInSfdcCampaign\","
                        + "\"campaigns\":[\"" + sf + "\"],\"newStatus\":{\"operator\":\"is\",\"values\":[\"Attended\"]},"
                        + "\"previousStatus\":{\"operator\":\"is\",\"values\":[\"Registered\"]}}]}",
                changeProgramStatus(followUp, "Attended"));
        long gil = person();

        // Written as the campaign sync writes a change it pulled: the linked program as primary attribute, no
        // smart campaign, in the pull's own transaction.
        server.app().services().database().jdbi().useTransaction(tx -> server.app().services().activityLog()
                .append(tx, dev.tandem.core.activity.Activity.of(gil, server.time().instant(),
                        ActivityType.CHANGE_STATUS_IN_SFDC_CAMPAIGN, null, webinar, "Linked campaign",
                        Map.of("Old Status", "Registered", "New Status", "Attended", "Source", "Salesforce"))));
        server.drain();
        server.drain();

        assertThat(statusOf(followUp, gil)).contains("Attended");
        assertThat(runsOf(listener, gil)).isEqualTo(1);
        assertThat(activitiesBy(listener, gil, ActivityType.CHANGE_STATUS_IN_PROGRESSION.id())).isEqualTo(1);
    }

    @Test
    void removedFromSfdcCampaignTriggersFireWhenAFlowRemovesTheMember() {
        String sf = sfCampaign();
        long target = webinar();
        String add = requested("{\"steps\":[{\"action\":\"addToSfdcCampaign\",\"campaignId\":\"" + sf
                + "\",\"status\":\"Sent\"}]}", null);
        String remove = requested("{\"steps\":[{\"action\":\"removeFromSfdcCampaign\",\"campaignId\":\"" + sf
                + "\"}]}", null);
        activeCampaign(null, "{\"triggers\":[{\"type\":\"removedFromSfdcCampaign\",\"campaigns\":[\"" + sf
                + "\"]}]}", changeProgramStatus(target, "No Show"));
        long hal = person();
        request(add, hal);

        request(remove, hal);
        server.drain();

        assertThat(statusOf(target, hal)).contains("No Show");
    }

    @Test
    void anOutageOfSalesforcePostponesTheStepInsteadOfFailingThePeople() {
        String sf = sfCampaign();
        String add = requested("{\"steps\":[{\"action\":\"addToSfdcCampaign\",\"campaignId\":\"" + sf
                + "\",\"status\":\"Sent\"}]}", null);
        long quinn = person();
        emulator.control().addFault(new FaultRule("SERVER_UNAVAILABLE", 503, "POST", "composite/sobjects", 0, -1, 0,
                null));
        try {
            request(add, quinn);
            assertThat(stepLog(Long.parseLong(add), quinn)).as("nothing recorded while Salesforce is down").isEmpty();
        } finally {
            emulator.control().clearFaults();
        }

        server.time().advance(java.time.Duration.ofMinutes(6));
        server.drain();

        assertThat(stepLog(Long.parseLong(add), quinn)).containsExactly("0 Add to SFDC Campaign DONE");
        assertThat(members(sf)).hasSize(1);
    }

    @Test
    void syncPersonToSfdcAssignsTheLeadToTheGivenUser() {
        String analyst = salesforce.stream(Soql.select("Id").from("User")
                .where(Cond.eq("Username", "analyst@tandem.dev")).build()).findFirst().orElseThrow().id();
        String sync = requested("{\"steps\":[{\"action\":\"syncPersonToSfdc\",\"assignTo\":\"" + analyst + "\"}]}",
                null);
        long rae = person();

        request(sync, rae);

        SObject lead = salesforce.stream(Soql.select("Id", "OwnerId").from("Lead")
                .where(Cond.eq("Id", personNow(rae).sfdcId())).build()).findFirst().orElseThrow();
        assertThat(lead.getString("OwnerId")).isEqualTo(analyst);
        assertThat(errors(saveFlow(Long.parseLong(sync), "{\"steps\":[{\"action\":\"syncPersonToSfdc\","
                + "\"assignTo\":\"00G000000000001\"}]}"))).singleElement().asString()
                .contains("steps[0] (Sync Person to SFDC).assignTo: '00G000000000001' is not a Salesforce user id");
    }

    @Test
    void aStatusChangedInSalesforceToAttendedFiresACampaignThatChangesAnotherProgramOnce() {
        long webinar = webinar();
        String sf = linkNewCampaign(webinar);
        long followUp = webinar();
        long listener = activeCampaign(null, "{\"triggers\":[{\"type\":\"statusChangedInSfdcCampaign\","
                        + "\"campaigns\":[\"" + sf + "\"],\"newStatus\":{\"operator\":\"is\",\"values\":[\"Attended\"]}}]}",
                changeProgramStatus(followUp, "Attended"));
        String leadId = salesforce.create("Lead", List.of(Map.of("LastName", "Pulled", "Company", "Acme",
                "Email", unique("pulled") + "@example.com"))).get(0).id();
        String memberId = salesforce.create("CampaignMember", List.of(Map.of("CampaignId", sf, "LeadId", leadId,
                "Status", "Registered"))).get(0).id();
        result(server.postJson("/rest/tandem/v1/sync/run.json", ""));
        server.drain();
        long person = server.app().services().people().find(dev.tandem.server.domain.people.LookupField.SFDC_ID,
                List.of(leadId), 10, null).items().get(0).id();
        assertThat(statusOf(webinar, person)).as("pulled in").contains("Registered");

        salesforce.update("CampaignMember", List.of(Map.of("Id", memberId, "Status", "Attended")));
        result(server.postJson("/rest/tandem/v1/sync/run.json", ""));
        server.drain();
        result(server.postJson("/rest/tandem/v1/sync/run.json", ""));
        server.drain();

        assertThat(statusOf(webinar, person)).contains("Attended");
        assertThat(statusOf(followUp, person)).contains("Attended");
        assertThat(runsOf(listener, person)).isEqualTo(1);
        assertThat(activitiesBy(listener, person, ActivityType.CHANGE_STATUS_IN_PROGRESSION.id())).isEqualTo(1);
    }
}
