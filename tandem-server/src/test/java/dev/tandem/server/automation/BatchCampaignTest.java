package dev.tandem.server.automation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchCampaignTest extends AutomationTestSupport {

    private static long batchCampaign(long targetProgram, String lastNamePrefix) {
        long campaign = campaign(null);
        result(saveRules(campaign, "{\"filters\":[{\"type\":\"personAttribute\",\"attribute\":\"lastName\","
                + "\"operator\":\"starts with\",\"values\":[\"" + lastNamePrefix + "\"]}]}"));
        result(saveFlow(campaign, changeProgramStatus(targetProgram, "Member")));
        return campaign;
    }

    @Test
    void runNowSendsEveryoneMatchingTheFiltersThroughTheFlow() {
        long target = webinar();
        String prefix = unique("Q");
        List<Long> ids = people(prefix + "a", prefix + "b", "Other");
        long campaign = batchCampaign(target, prefix);

        result(server.postJson("/rest/tandem/v1/smartCampaigns/" + campaign + "/runNow.json", ""));
        server.drain();

        assertThat(statusOf(target, ids.get(0))).contains("Member");
        assertThat(statusOf(target, ids.get(1))).contains("Member");
        assertThat(statusOf(target, ids.get(2))).isEmpty();
        JsonNode runs = result(server.get("/rest/tandem/v1/smartCampaigns/" + campaign + "/runs.json"));
        assertThat(runs.get(0).get("state").asText()).isEqualTo("DONE");
        assertThat(runs.get(0).get("people").asInt()).isEqualTo(2);
        assertThat(result(server.get("/rest/asset/v1/smartCampaign/" + campaign + ".json")).get(0).get("status")
                .asText()).isEqualTo("Single Run");
    }

    @Test
    void aSecondRunSkipsPeopleWhoAlreadyQualifiedOnce() {
        long target = webinar();
        String prefix = unique("R");
        long first = people(prefix + "a").get(0);
        long campaign = batchCampaign(target, prefix);
        result(server.postJson("/rest/tandem/v1/smartCampaigns/" + campaign + "/runNow.json", ""));
        server.drain();
        long second = people(prefix + "b").get(0);

        result(server.postJson("/rest/tandem/v1/smartCampaigns/" + campaign + "/runNow.json", ""));
        server.drain();

        assertThat(runsOf(campaign, first)).isEqualTo(1);
        assertThat(runsOf(campaign, second)).isEqualTo(1);
    }

    @Test
    void scheduleRunsNoSoonerThanFiveMinutesAfterTheRequest() {
        long target = webinar();
        String prefix = unique("S");
        long person = people(prefix).get(0);
        long campaign = batchCampaign(target, prefix);

        result(server.postJson("/rest/v1/campaigns/" + campaign + "/schedule.json", "{\"input\":{}}"));
        server.drain();
        assertThat(statusOf(target, person)).as("right after scheduling").isEmpty();

        server.time().advance(Duration.ofMinutes(5));
        server.drain();
        assertThat(statusOf(target, person)).as("five minutes later").contains("Member");
    }

    @Test
    void scheduleAtAGivenTimeWaitsForIt() {
        long target = webinar();
        String prefix = unique("T");
        long person = people(prefix).get(0);
        long campaign = batchCampaign(target, prefix);
        String runAt = server.time().instant().plus(Duration.ofHours(3)).toString();

        result(server.postJson("/rest/v1/campaigns/" + campaign + "/schedule.json",
                "{\"input\":{\"runAt\":\"" + runAt + "\"}}"));
        server.time().advance(Duration.ofHours(2));
        server.drain();
        assertThat(statusOf(target, person)).isEmpty();

        server.time().advance(Duration.ofHours(1));
        server.drain();
        assertThat(statusOf(target, person)).contains("Member");
    }

    @Test
    void scheduleMoreThanTwoYearsAheadIsRefusedWith1042() {
        long campaign = batchCampaign(webinar(), unique("U"));
        String runAt = server.time().instant().plus(Duration.ofDays(800)).toString();

        JsonNode response = server.postJson("/rest/v1/campaigns/" + campaign + "/schedule.json",
                "{\"input\":{\"runAt\":\"" + runAt + "\"}}");

        assertThat(errors(response)).singleElement().asString().startsWith("1042 runAt:");
    }

    @Test
    void schedulingATriggerCampaignIsRefused() {
        long webinar = webinar();
        long campaign = activeCampaign(null, programStatusChanged(webinar, "Attended"),
                "{\"steps\":[{\"action\":\"doNothing\"}]}");

        JsonNode response = server.postJson("/rest/v1/campaigns/" + campaign + "/schedule.json", "{\"input\":{}}");

        assertThat(errors(response)).singleElement().asString().contains("is a trigger campaign");
    }

    @Test
    void aRecurringCampaignRunsAgainAtEachOccurrence() {
        long target = webinar();
        String prefix = unique("V");
        long campaign = batchCampaign(target, prefix);
        result(saveRules(campaign, "{\"filters\":[{\"type\":\"personAttribute\",\"attribute\":\"lastName\","
                + "\"operator\":\"starts with\",\"values\":[\"" + prefix + "\"]}],"
                + "\"qualification\":{\"rule\":\"every time\"}}"));
        long person = people(prefix).get(0);
        String start = server.time().instant().plus(Duration.ofHours(1)).toString();

        result(server.postJson("/rest/tandem/v1/smartCampaigns/" + campaign + "/recurrence.json",
                "{\"startAt\":\"" + start + "\",\"intervalType\":\"Daily\",\"interval\":1}"));
        server.time().advance(Duration.ofHours(1));
        server.drain();
        server.time().advance(Duration.ofDays(1));
        server.drain();

        assertThat(runsOf(campaign, person)).isEqualTo(2);
        assertThat(result(server.get("/rest/asset/v1/smartCampaign/" + campaign + ".json")).get(0).get("status")
                .asText()).isEqualTo("Recurring Run");
    }

    @Test
    void advancedFilterLogicDecidesWhoRuns() {
        long target = webinar();
        long vip = webinar();
        String prefix = unique("W");
        List<Long> ids = people(prefix + "-in-vip", prefix + "-in-acme", prefix + "-out");
        setStatus(vip, "Member", ids.get(0));
        result(server.postJson("/rest/v1/leads.json", "{\"action\":\"updateOnly\",\"lookupField\":\"id\",\"input\":["
                + "{\"id\":" + ids.get(0) + ",\"company\":\"Globex\"},{\"id\":" + ids.get(2) + ",\"company\":\"Globex\"}]}"));
        long campaign = campaign(null);
        result(saveRules(campaign, "{\"filters\":["
                + "{\"type\":\"personAttribute\",\"attribute\":\"lastName\",\"operator\":\"starts with\","
                + "\"values\":[\"" + prefix + "\"]},"
                + "{\"type\":\"memberOfProgram\",\"operator\":\"in\",\"programId\":" + vip + "},"
                + "{\"type\":\"personAttribute\",\"attribute\":\"company\",\"operator\":\"is\",\"values\":[\"acme\"]}],"
                + "\"filterLogic\":\"advanced\",\"advancedLogic\":\"1 and (2 or 3)\"}"));
        result(saveFlow(campaign, changeProgramStatus(target, "Member")));

        result(server.postJson("/rest/tandem/v1/smartCampaigns/" + campaign + "/runNow.json", ""));
        server.drain();

        assertThat(statusOf(target, ids.get(0))).as("name and VIP").contains("Member");
        assertThat(statusOf(target, ids.get(1))).as("name and Acme").contains("Member");
        assertThat(statusOf(target, ids.get(2))).as("name only").isEmpty();
    }
}
