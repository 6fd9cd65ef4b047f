package dev.tandem.server.automation;

import dev.tandem.core.activity.ActivityType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TriggerCampaignTest extends AutomationTestSupport {

    private static final int PROGRAM_STATUS = ActivityType.CHANGE_STATUS_IN_PROGRESSION.id();

    @Test
    void programStatusChangeFiresACampaignThatChangesAnotherProgramOnce() {
        long webinar = webinar();
        long followUp = webinar();
        long campaign = activeCampaign(null, programStatusChanged(webinar, "Attended"),
                changeProgramStatus(followUp, "Registered"));
        long ann = person();

        setStatus(webinar, "Attended", ann);
        server.drain();
        server.drain();

        assertThat(statusOf(followUp, ann)).contains("Registered");
        assertThat(activitiesBy(campaign, ann, PROGRAM_STATUS)).isEqualTo(1);
        assertThat(runsOf(campaign, ann)).isEqualTo(1);
    }

    @Test
    void aStatusConstraintThatDoesNotHoldDoesNotFire() {
        long webinar = webinar();
        long followUp = webinar();
        activeCampaign(null, programStatusChanged(webinar, "Attended"), changeProgramStatus(followUp, "Registered"));
        long bob = person();

        setStatus(webinar, "Registered", bob);
        server.drain();

        assertThat(statusOf(followUp, bob)).isEmpty();
    }

    @Test
    void previousStatusConstraintLooksAtTheStatusBeforeTheChange() {
        long webinar = webinar();
        long followUp = webinar();
        activeCampaign(null, "{\"triggers\":[{\"type\":\"programStatusChanged\",\"programId\":" + webinar
                        + ",\"previousStatus\":{\"operator\":\"is\",\"values\":[\"Registered\"]}}]}",
                changeProgramStatus(followUp, "Member"));
        long direct = person();
        long registeredFirst = person();

        setStatus(webinar, "Attended", direct);
        setStatus(webinar, "Registered", registeredFirst);
        setStatus(webinar, "Attended", registeredFirst);
        server.drain();

        assertThat(statusOf(followUp, direct)).isEmpty();
        assertThat(statusOf(followUp, registeredFirst)).contains("Member");
    }

    @Test
    void personIsCreatedFiresForNewPeople() {
        long program = webinar();
        long campaign = activeCampaign(program, "{\"triggers\":[{\"type\":\"personCreated\"}]}",
                "{\"steps\":[{\"action\":\"changeProgramStatus\",\"status\":\"Member\"}]}");
        long carol = person();

        server.drain();

        assertThat(statusOf(program, carol)).as("the campaign's own program by default").contains("Member");
        assertThat(activitiesBy(campaign, carol, PROGRAM_STATUS)).isEqualTo(1);
    }

    @Test
    void triggersAreOred() {
        long first = webinar();
        long second = webinar();
        long target = webinar();
        activeCampaign(null, "{\"triggers\":[{\"type\":\"programStatusChanged\",\"programId\":" + first + "},"
                        + "{\"type\":\"programStatusChanged\",\"programId\":" + second + "}],"
                        + "\"qualification\":{\"rule\":\"every time\"}}",
                changeProgramStatus(target, "Member"));
        long a = person();
        long b = person();

        setStatus(first, "Member", a);
        setStatus(second, "Member", b);
        server.drain();

        assertThat(statusOf(target, a)).contains("Member");
        assertThat(statusOf(target, b)).contains("Member");
    }

    @Test
    void onlyPeoplePassingTheFiltersGoThroughTheFlow() {
        long webinar = webinar();
        long vip = webinar();
        long target = webinar();
        activeCampaign(null, "{\"triggers\":[{\"type\":\"programStatusChanged\",\"programId\":" + webinar + "}],"
                        + "\"filters\":[{\"type\":\"memberOfProgram\",\"operator\":\"in\",\"programId\":" + vip + "}]}",
                changeProgramStatus(target, "Member"));
        List<Long> ids = people("In", "Out");
        setStatus(vip, "Member", ids.get(0));

        setStatus(webinar, "Member", ids.get(0), ids.get(1));
        server.drain();

        assertThat(statusOf(target, ids.get(0))).contains("Member");
        assertThat(statusOf(target, ids.get(1))).isEmpty();
    }

    @Test
    void qualificationOnceLetsAPersonThroughOnlyOnce() {
        long webinar = webinar();
        long target = webinar();
        long campaign = activeCampaign(null, "{\"triggers\":[{\"type\":\"programStatusChanged\",\"programId\":"
                + webinar + "}]}", "{\"steps\":[{\"action\":\"doNothing\"}]}");
        long dan = person();

        setStatus(webinar, "Member", dan);
        setStatus(webinar, "Registered", dan);
        server.drain();

        assertThat(runsOf(campaign, dan)).isEqualTo(1);
        assertThat(statusOf(target, dan)).isEmpty();
    }

    @Test
    void qualificationEveryTimeLetsAPersonThroughEachTime() {
        long webinar = webinar();
        long campaign = activeCampaign(null, "{\"triggers\":[{\"type\":\"programStatusChanged\",\"programId\":"
                        + webinar + "}],\"qualification\":{\"rule\":\"every time\"}}",
                "{\"steps\":[{\"action\":\"doNothing\"}]}");
        long eve = person();

        setStatus(webinar, "Member", eve);
        setStatus(webinar, "Registered", eve);
        setStatus(webinar, "Attended", eve);
        server.drain();

        assertThat(runsOf(campaign, eve)).isEqualTo(3);
    }

    @Test
    void qualificationIntervalWaitsTheFullPeriod() {
        long webinar = webinar();
        long campaign = activeCampaign(null, "{\"triggers\":[{\"type\":\"programStatusChanged\",\"programId\":"
                        + webinar + "}],\"qualification\":{\"rule\":\"interval\",\"interval\":1,\"unit\":\"day\"}}",
                "{\"steps\":[{\"action\":\"doNothing\"}]}");
        long fay = person();

        setStatus(webinar, "Member", fay);
        server.drain();
        server.time().advance(Duration.ofHours(23));
        setStatus(webinar, "Registered", fay);
        server.drain();
        assertThat(runsOf(campaign, fay)).as("23 hours later").isEqualTo(1);

        server.time().advance(Duration.ofHours(1));
        setStatus(webinar, "Attended", fay);
        server.drain();
        assertThat(runsOf(campaign, fay)).as("24 hours after the first run").isEqualTo(2);
    }

    @Test
    void theFirstMatchingChoiceDecidesTheAction() {
        long webinar = webinar();
        long target = webinar();
        String choices = "{\"steps\":[{\"action\":\"changeProgramStatus\",\"programId\":" + target
                + ",\"status\":\"Member\",\"choices\":["
                + "{\"if\":{\"type\":\"personAttribute\",\"attribute\":\"lastName\",\"operator\":\"starts with\","
                + "\"values\":[\"Sm\"]},\"then\":{\"action\":\"changeProgramStatus\",\"programId\":" + target
                + ",\"status\":\"Attended\"}},"
                + "{\"if\":{\"type\":\"personAttribute\",\"attribute\":\"lastName\",\"operator\":\"contains\","
                + "\"values\":[\"mi\"]},\"then\":{\"action\":\"changeProgramStatus\",\"programId\":" + target
                + ",\"status\":\"Registered\"}},"
                + "{\"if\":{\"type\":\"personAttribute\",\"attribute\":\"lastName\",\"operator\":\"is\","
                + "\"values\":[\"Nobody\"]},\"then\":{\"action\":\"doNothing\"}}]}]}";
        activeCampaign(null, programStatusChanged(webinar, "Member"), choices);
        List<Long> ids = people("Smith", "Kimi", "Jones", "Nobody");

        setStatus(webinar, "Member", ids.get(0), ids.get(1), ids.get(2), ids.get(3));
        server.drain();

        assertThat(statusOf(target, ids.get(0))).as("matches the first and second choice").contains("Attended");
        assertThat(statusOf(target, ids.get(1))).as("matches the second choice").contains("Registered");
        assertThat(statusOf(target, ids.get(2))).as("no choice: the default").contains("Member");
        assertThat(statusOf(target, ids.get(3))).as("do nothing").isEmpty();
    }

    @Test
    void changeProgramStatusNeverMovesBackwardsAndRecordsWhy() {
        long webinar = webinar();
        long target = webinar();
        long campaign = activeCampaign(null, programStatusChanged(webinar, "Member"),
                changeProgramStatus(target, "Registered"));
        long gus = person();
        setStatus(target, "Attended", gus);

        setStatus(webinar, "Member", gus);
        server.drain();

        assertThat(statusOf(target, gus)).contains("Attended");
        assertThat(stepLog(campaign, gus)).containsExactly(
                "0 Change Program Status SKIPPED 1037 Lead skipped because it is already in or past this status");
    }

    @Test
    void removeFromProgramEndsTheMembership() {
        long webinar = webinar();
        long other = webinar();
        long campaign = activeCampaign(null, programStatusChanged(webinar, "No Show"),
                "{\"steps\":[{\"action\":\"removeFromProgram\",\"programId\":" + other + "}]}");
        long hal = person();
        setStatus(other, "Registered", hal);

        setStatus(webinar, "No Show", hal);
        server.drain();

        assertThat(statusOf(other, hal)).isEmpty();
        assertThat(activitiesBy(campaign, hal, PROGRAM_STATUS)).isEqualTo(1);
    }

    @Test
    void aWaitHoldsThePersonUntilItIsOver() {
        long webinar = webinar();
        long target = webinar();
        activeCampaign(null, programStatusChanged(webinar, "Member"), "{\"steps\":[{\"action\":\"wait\","
                + "\"duration\":\"2 days\"},{\"action\":\"changeProgramStatus\",\"programId\":" + target
                + ",\"status\":\"Member\"}]}");
        long ivy = person();

        setStatus(webinar, "Member", ivy);
        server.drain();
        assertThat(statusOf(target, ivy)).as("while waiting").isEmpty();

        server.time().advance(Duration.ofDays(2));
        server.drain();
        assertThat(statusOf(target, ivy)).as("after the wait").contains("Member");
    }

    @Test
    void stepsRunInOrderAndEachWritesItsActivityWithTheCampaignId() {
        long webinar = webinar();
        long target = webinar();
        long campaign = activeCampaign(null, programStatusChanged(webinar, "Member"), "{\"steps\":["
                + "{\"action\":\"changeProgramStatus\",\"programId\":" + target + ",\"status\":\"Member\"},"
                + "{\"action\":\"changeProgramStatus\",\"programId\":" + target + ",\"status\":\"Registered\"},"
                + "{\"action\":\"removeFromProgram\",\"programId\":" + target + "}]}");
        long jo = person();

        setStatus(webinar, "Member", jo);
        server.drain();

        assertThat(statusOf(target, jo)).isEmpty();
        assertThat(activitiesBy(campaign, jo, PROGRAM_STATUS)).isEqualTo(3);
        assertThat(stepLog(campaign, jo)).containsExactly("0 Change Program Status DONE",
                "1 Change Program Status DONE", "2 Remove from Program DONE");
    }

    @Test
    void anInactiveCampaignDoesNotFire() {
        long webinar = webinar();
        long target = webinar();
        long campaign = campaign(null);
        result(saveRules(campaign, programStatusChanged(webinar, "Member")));
        result(saveFlow(campaign, changeProgramStatus(target, "Member")));
        long kim = person();

        setStatus(webinar, "Member", kim);
        server.drain();

        assertThat(statusOf(target, kim)).isEmpty();
    }

    @Test
    void aCampaignsOwnFlowCanTriggerAnotherCampaign() {
        long a = webinar();
        long b = webinar();
        long c = webinar();
        activeCampaign(null, programStatusChanged(a, "Member"), changeProgramStatus(b, "Member"));
        activeCampaign(null, programStatusChanged(b, "Member"), changeProgramStatus(c, "Registered"));
        long lee = person();

        setStatus(a, "Member", lee);
        server.drain();

        assertThat(statusOf(c, lee)).contains("Registered");
    }

    @Test
    void newRulesOfAnActiveCampaignApplyToTheNextEvent() {
        long webinar = webinar();
        long target = webinar();
        long campaign = activeCampaign(null, programStatusChanged(webinar, "Registered"),
                changeProgramStatus(target, "Member"));
        long max = person();
        setStatus(webinar, "Member", max);
        server.drain();

        result(saveRules(campaign, programStatusChanged(webinar, "Attended")));
        setStatus(webinar, "Attended", max);
        server.drain();

        assertThat(statusOf(target, max)).contains("Member");
    }

    @Test
    void changingAWaitDoesNotAffectPeopleAlreadyWaiting() {
        long webinar = webinar();
        long target = webinar();
        long campaign = activeCampaign(null, programStatusChanged(webinar, "Member"), "{\"steps\":[{\"action\":\"wait\","
                + "\"duration\":\"1 hour\"},{\"action\":\"changeProgramStatus\",\"programId\":" + target
                + ",\"status\":\"Member\"}]}");
        long ned = person();
        setStatus(webinar, "Member", ned);
        server.drain();

        result(saveFlow(campaign, "{\"steps\":[{\"action\":\"wait\",\"duration\":\"3 days\"},"
                + "{\"action\":\"changeProgramStatus\",\"programId\":" + target + ",\"status\":\"Member\"}]}"));
        server.time().advance(Duration.ofHours(1));
        server.drain();

        assertThat(statusOf(target, ned)).contains("Member");
    }

    @Test
    void aSalesforceStepWithoutAConnectionFailsWithTheReasonRecorded() {
        long webinar = webinar();
        long campaign = activeCampaign(null, programStatusChanged(webinar, "Member"), "{\"steps\":[{\"action\":"
                + "\"syncPersonToSfdc\"}]}");
        long ola = person();

        setStatus(webinar, "Member", ola);
        server.drain();

        assertThat(stepLog(campaign, ola)).containsExactly("0 Sync Person to SFDC FAILED Salesforce is not connected");
    }

    @Test
    void theStepLogShowsEachOutcomeWithItsReasonPageByPage() {
        long webinar = webinar();
        long target = webinar();
        long campaign = activeCampaign(null, programStatusChanged(webinar, "Member"),
                changeProgramStatus(target, "Registered"));
        List<Long> ids = people("Moved", "Ahead");
        setStatus(target, "Attended", ids.get(1));

        setStatus(webinar, "Member", ids.get(0), ids.get(1));
        server.drain();

        var first = server.get("/rest/tandem/v1/smartCampaigns/" + campaign + "/log.json?batchSize=1");
        var second = server.get("/rest/tandem/v1/smartCampaigns/" + campaign + "/log.json?batchSize=1&nextPageToken="
                + first.get("nextPageToken").asText());
        assertThat(result(first).get(0).get("leadId").asLong()).isEqualTo(ids.get(0));
        assertThat(result(first).get(0).get("outcome").asText()).isEqualTo("done");
        assertThat(first.get("moreResult").asBoolean()).isTrue();
        assertThat(result(second).get(0).get("step").asInt()).isEqualTo(1);
        assertThat(result(second).get(0).get("outcome").asText()).isEqualTo("skipped");
        assertThat(result(second).get(0).get("reason").asText()).startsWith("1037");
        var onePerson = result(server.get("/rest/tandem/v1/smartCampaigns/" + campaign + "/log.json?leadId=" + ids.get(1)));
        assertThat(onePerson).hasSize(1);
        assertThat(errors(server.get("/rest/tandem/v1/smartCampaigns/" + campaign + "/log.json?nextPageToken=forged")))
                .singleElement().asString().startsWith("1003");
    }

    @Test
    void aStepOnAProgramDeletedSinceFailsForEachPersonWithTheReason() {
        long webinar = webinar();
        long doomed = webinar();
        long campaign = activeCampaign(null, programStatusChanged(webinar, "Member"), changeProgramStatus(doomed, "Member"));
        result(server.postJson("/rest/asset/v1/program/" + doomed + "/delete.json", ""));
        long pat = person();

        setStatus(webinar, "Member", pat);
        server.drain();

        assertThat(stepLog(campaign, pat)).containsExactly("0 Change Program Status FAILED Program " + doomed
                + " does not exist");
    }

    @Test
    void aWaitUntilADateHoldsPeopleUntilThenAndLetsLaterArrivalsStraightOn() {
        long webinar = webinar();
        long target = webinar();
        String until = server.time().instant().plus(Duration.ofDays(1)).toString();
        activeCampaign(null, "{\"triggers\":[{\"type\":\"programStatusChanged\",\"programId\":" + webinar + "}],"
                        + "\"qualification\":{\"rule\":\"every time\"}}",
                "{\"steps\":[{\"action\":\"wait\",\"until\":\"" + until + "\"},{\"action\":\"changeProgramStatus\","
                        + "\"programId\":" + target + ",\"status\":\"Member\"}]}");
        long early = person();
        long late = person();

        setStatus(webinar, "Member", early);
        server.drain();
        assertThat(statusOf(target, early)).as("before the date").isEmpty();

        server.time().advance(Duration.ofDays(1));
        setStatus(webinar, "Member", late);
        server.drain();
        assertThat(statusOf(target, early)).as("on the date").contains("Member");
        assertThat(statusOf(target, late)).as("arrived after the date").contains("Member");
    }
}
