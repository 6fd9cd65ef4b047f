package dev.tandem.server.automation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentValidationTest extends AutomationTestSupport {

    @Test
    void anUnknownTriggerIsRefusedNamingTheRuleAndField() {
        long campaign = campaign(null);

        JsonNode response = saveRules(campaign, "{\"triggers\":[{\"type\":\"visitsWebPage\"}]}");

        assertThat(errors(response)).singleElement().asString()
                .startsWith("1003 triggers[0].type: unknown trigger 'visitsWebPage'");
    }

    @Test
    void aTriggerWithoutCampaignIsRefused() {
        long campaign = campaign(null);

        JsonNode response = saveRules(campaign, "{\"triggers\":[{\"type\":\"addedToSfdcCampaign\"}]}");

        assertThat(errors(response)).containsExactly("1003 triggers[0].campaigns: at least one value is required");
    }

    @Test
    void aFlowStepWithoutCampaignIsRefused() {
        long campaign = campaign(null);

        JsonNode response = saveFlow(campaign, "{\"steps\":[{\"action\":\"addToSfdcCampaign\",\"status\":\"Sent\"}]}");

        assertThat(errors(response)).containsExactly("1003 steps[0].campaignId: is required");
    }

    @Test
    void aMalformedCampaignIdIsRefused() {
        long campaign = campaign(null);

        JsonNode response = saveRules(campaign, "{\"triggers\":[{\"type\":\"removedFromSfdcCampaign\","
                + "\"campaigns\":[\"00Q000000000001\"]}]}");

        assertThat(errors(response)).singleElement().asString().startsWith(
                "1003 triggers[0] (Removed from SFDC Campaign).campaigns[0]: '00Q000000000001' is not a Salesforce "
                        + "campaign id");
    }

    @Test
    void aStatusNotInTheProgramsChannelIsRefused() {
        long program = webinar();
        long campaign = campaign(program);

        JsonNode response = saveFlow(campaign, "{\"steps\":[{\"action\":\"changeProgramStatus\","
                + "\"status\":\"attended\"}]}");

        assertThat(errors(response)).singleElement().asString().isEqualTo("1003 steps[0] (Change Program Status)"
                + ".status: 'attended' is not a status of channel 'Webinar' (statuses: Not in Program, Member, "
                + "Registered, No Show, Attended, Attended On-Demand)");
    }

    @Test
    void aConstraintStatusNotInTheChannelIsRefused() {
        long program = webinar();
        long campaign = campaign(null);

        JsonNode response = saveRules(campaign, "{\"triggers\":[{\"type\":\"programStatusChanged\",\"programId\":"
                + program + ",\"newStatus\":{\"operator\":\"is\",\"values\":[\"Engaged\"]}}]}");

        assertThat(errors(response)).singleElement().asString().startsWith(
                "1003 triggers[0] (Program Status is Changed).newStatus: 'Engaged' is not a status of channel 'Webinar'");
    }

    @Test
    void anUnknownProgramIsRefused() {
        long campaign = campaign(null);

        JsonNode response = saveRules(campaign, "{\"filters\":[{\"type\":\"memberOfProgram\",\"operator\":\"in\","
                + "\"programId\":987654}]}");

        assertThat(errors(response)).containsExactly(
                "1003 filters[0] (Member of Program).programId: no program with id 987654");
    }

    @Test
    void aMalformedAdvancedExpressionIsRefusedWithItsPosition() {
        long campaign = campaign(null);
        String filter = "{\"type\":\"personAttribute\",\"attribute\":\"email\",\"operator\":\"is empty\"}";

        JsonNode response = saveRules(campaign, "{\"filters\":[" + filter + "," + filter + "," + filter + "],"
                + "\"filterLogic\":\"advanced\",\"advancedLogic\":\"1 and 2 or 3\"}");

        assertThat(errors(response)).containsExactly("1003 rules.advancedLogic: '1 and 2 or 3': 'and' and 'or' are "
                + "mixed without parentheses (at character 9)");
    }

    @Test
    void advancedLogicWithFewerThanThreeFiltersIsRefused() {
        long campaign = campaign(null);
        String filter = "{\"type\":\"personAttribute\",\"attribute\":\"email\",\"operator\":\"is empty\"}";

        JsonNode response = saveRules(campaign, "{\"filters\":[" + filter + "," + filter + "],"
                + "\"filterLogic\":\"advanced\",\"advancedLogic\":\"1 or 2\"}");

        assertThat(errors(response)).singleElement().asString().contains("needs at least 3 filters");
    }

    @Test
    void everyProblemOfADocumentIsReportedAtOnce() {
        long campaign = campaign(null);

        JsonNode response = saveFlow(campaign, "{\"steps\":[{\"action\":\"wait\",\"duration\":\"4 hrs\"},"
                + "{\"action\":\"teleport\"},{\"action\":\"changeProgramStatus\",\"status\":\"Member\","
                + "\"colour\":\"red\"}]}");

        assertThat(errors(response)).hasSize(3).anySatisfy(e -> assertThat(e).startsWith("1003 steps[0].duration"))
                .anySatisfy(e -> assertThat(e).startsWith("1003 steps[1].action: unknown flow action 'teleport'"))
                .anySatisfy(e -> assertThat(e).startsWith("1003 steps[2].colour: is not a field"));
    }

    @Test
    void aProgramStepInACampaignWithoutProgramNeedsAProgram() {
        long campaign = campaign(null);

        JsonNode response = saveFlow(campaign, "{\"steps\":[{\"action\":\"removeFromProgram\"}]}");

        assertThat(errors(response)).containsExactly("1003 steps[0] (Remove from Program).programId: is required: "
                + "the smart campaign belongs to no program");
    }

    @Test
    void aRefusedDocumentLeavesTheSavedOneUntouched() {
        long program = webinar();
        long campaign = campaign(null);
        String good = programStatusChanged(program, "Attended");
        result(saveRules(campaign, good));

        errors(saveRules(campaign, "{\"triggers\":[{\"type\":\"programStatusChanged\",\"programId\":" + program
                + "},{\"type\":\"nope\"}]}"));

        JsonNode saved = result(server.get("/rest/tandem/v1/smartCampaigns/" + campaign + "/rules.json")).get(0);
        assertThat(saved.get("triggers")).hasSize(1);
        assertThat(saved.get("triggers").get(0).get("newStatus").get("values").get(0).asText()).isEqualTo("Attended");
    }

    @Test
    void aSavedDocumentReadsBackInCanonicalForm() {
        long program = webinar();
        long campaign = campaign(null);
        String filter = "{\"type\":\"personAttribute\",\"attribute\":\"company\",\"operator\":\"startsWith\","
                + "\"values\":[\"Ac\"]}";

        result(saveRules(campaign, "{\"triggers\":[{\"type\":\"addedToSfdcCampaign\",\"campaigns\":\"any\"}],"
                + "\"filters\":[" + filter + "," + filter + ",{\"type\":\"memberOfProgram\",\"operator\":\"not in\","
                + "\"programId\":" + program + "}],\"filterLogic\":\"Advanced\",\"advancedLogic\":\"(1 OR 2) and 3\","
                + "\"qualification\":{\"rule\":\"interval\",\"interval\":2,\"unit\":\"weeks\"}}"));

        JsonNode saved = result(server.get("/rest/tandem/v1/smartCampaigns/" + campaign + "/rules.json")).get(0);
        assertThat(saved.get("triggers").get(0).get("campaigns").asText()).isEqualTo("any");
        assertThat(saved.get("filters").get(0).get("operator").asText()).isEqualTo("starts with");
        assertThat(saved.get("filterLogic").asText()).isEqualTo("advanced");
        assertThat(saved.get("advancedLogic").asText()).isEqualTo("(1 or 2) and 3");
        assertThat(saved.get("qualification").toString()).isEqualTo("{\"rule\":\"interval\",\"interval\":2,\"unit\":\"week\"}");
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith609() {
        long campaign = campaign(null);

        JsonNode response = saveRules(campaign, "{not json");

        assertThat(errors(response)).singleElement().asString().startsWith("609");
    }

    @Test
    void aMemberOfSfdcCampaignFilterOnACampaignLinkedToNoProgramIsAcceptedAndWatched() {
        long campaign = campaign(null);

        JsonNode response = saveRules(campaign, "{\"filters\":[{\"type\":\"memberOfSfdcCampaign\",\"operator\":\"in\","
                + "\"campaigns\":[\"701000000000009AAA\"]}]}");

        result(response);
        List<String> watched = server.app().services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT campaign_id FROM watched_campaigns WHERE campaign_key = '701000000000009' "
                        + "AND snapshot_at IS NULL").mapTo(String.class).list());
        assertThat(watched).as("watched, with its first full read due").containsExactly("701000000000009AAA");
    }

    @Test
    void aWaitNeedsExactlyOneOfDurationDateAndDateTokenAndAValidDate() {
        long campaign = campaign(null);
        String needsOne = "a wait needs exactly one of \"duration\" (e.g. \"2 days\"), \"until\" (e.g. "
                + "\"2026-12-01T09:00:00Z\") and \"untilToken\" (e.g. \"{{my.Event Date}}\")";

        JsonNode response = saveFlow(campaign, "{\"steps\":[{\"action\":\"wait\"},"
                + "{\"action\":\"wait\",\"duration\":\"1 day\",\"until\":\"2026-12-01T09:00:00Z\"},"
                + "{\"action\":\"wait\",\"until\":\"next monday\"}]}");

        assertThat(errors(response)).containsExactly(
                "1003 steps[0]: " + needsOne,
                "1003 steps[1]: " + needsOne,
                "1003 steps[2].until: 'next monday' is not a UTC date-time such as 2026-12-01T09:00:00Z");
    }

    @Test
    void anAbbreviatedWaitDurationIsRefusedOnSaveSayingMarketoWouldIgnoreTheStep() {
        long campaign = campaign(null);

        JsonNode response = saveFlow(campaign, "{\"steps\":[{\"action\":\"wait\",\"duration\":\"4 hrs\"}]}");

        assertThat(errors(response)).containsExactly("1003 steps[0].duration: '4 hrs' abbreviates the unit; write it "
                + "in full, e.g. '4 hours' (Marketo silently ignores a Wait step whose duration it cannot read; Tandem "
                + "refuses it when the flow is saved)");
    }

    @Test
    void badEndOnOptionsAreRefusedNamingTheField() {
        long campaign = campaign(null);

        JsonNode response = saveFlow(campaign, "{\"steps\":["
                + "{\"action\":\"wait\",\"duration\":\"1 day\",\"endOn\":{\"days\":[\"Monday\",\"Caturday\"],"
                + "\"time\":\"9am\"}},"
                + "{\"action\":\"wait\",\"until\":\"2026-12-01T09:00:00Z\",\"endOn\":{\"time\":\"09:00\"}},"
                + "{\"action\":\"wait\",\"duration\":\"1 day\",\"endOn\":{}}]}");

        assertThat(errors(response)).containsExactly(
                "1003 steps[0].endOn.days[1]: 'Caturday' is not a day of the week (Monday … Sunday)",
                "1003 steps[0].endOn.time: '9am' is not a time of day such as 09:00 (24-hour, in the subscription "
                        + "time zone)",
                "1003 steps[1].endOn: only a wait of a duration takes endOn",
                "1003 steps[2].endOn: give the days the wait may end on, the time it ends at, or both");
    }

    @Test
    void waitsWithEndOnAndDateTokensReadBackInCanonicalForm() {
        long campaign = campaign(null);

        JsonNode saved = result(saveFlow(campaign, "{\"steps\":["
                + "{\"action\":\"wait\",\"duration\":\"48 hours\",\"endOn\":{\"days\":[\"fri\",\"Mon\"],"
                + "\"time\":\"09:00\"}},"
                + "{\"action\":\"wait\",\"untilToken\":\"{{my.Event Date}}\",\"offset\":\"24 hours before\"}]}"));

        assertThat(saved.get(0).get("steps").toString()).isEqualTo("[{\"action\":\"wait\",\"duration\":\"2 days\","
                + "\"endOn\":{\"days\":[\"Monday\",\"Friday\"],\"time\":\"09:00\"}},"
                + "{\"action\":\"wait\",\"untilToken\":\"{{my.Event Date}}\",\"offset\":\"1 day before\"}]");
    }

    @Test
    void aTokenNoRequestCanSupplyMustBeAMyTokenOfTheProgram() {
        long program = webinar();
        long campaign = campaign(program);
        result(saveRules(campaign, programStatusChanged(program, "Attended")));

        JsonNode response = saveFlow(campaign, "{\"steps\":[{\"action\":\"changeProgramStatus\","
                + "\"status\":\"{{my.Status}}\"}]}");

        assertThat(errors(response)).containsExactly("1003 steps[0] (Change Program Status).status: {{my.Status}} is "
                + "not a My Token of program " + program + ", and no request can supply it (only batch campaigns and "
                + "trigger campaigns with 'Campaign is Requested' take tokens from requests): add the token to the "
                + "program");

        result(server.postForm("/rest/asset/v1/folder/" + program + "/tokens.json",
                Map.of("name", "Status", "type", "text", "value", "Attended", "folderType", "Program")));
        result(saveFlow(campaign, "{\"steps\":[{\"action\":\"changeProgramStatus\",\"status\":\"{{my.Status}}\"}]}"));
    }

    @Test
    void aRequestableCampaignMayReferToTokensOnlyARequestDefines() {
        long campaign = campaign(webinar());
        result(saveRules(campaign, "{\"triggers\":[{\"type\":\"campaignRequested\",\"source\":\"Web Service API\"}]}"));

        result(saveFlow(campaign, "{\"steps\":[{\"action\":\"addToSfdcCampaign\",\"campaignId\":\"{{my.Campaign}}\","
                + "\"status\":\"{{my.Status}}\"}]}"));
    }

    @Test
    void aTokenOfTheWrongTypeForItsParameterIsRefused() {
        long program = webinar();
        result(server.postForm("/rest/asset/v1/folder/" + program + "/tokens.json",
                Map.of("name", "Seats", "type", "number", "value", "12", "folderType", "Program")));
        long campaign = campaign(program);

        JsonNode response = saveFlow(campaign, "{\"steps\":[{\"action\":\"wait\",\"untilToken\":\"{{my.Seats}}\"}]}");

        assertThat(errors(response)).containsExactly("1003 steps[0] (Wait).untilToken: {{my.Seats}} is a number "
                + "token; this parameter takes a date token");
    }

    @Test
    void oversizedDocumentsAreRefusedWithTheirLimit() {
        long campaign = campaign(null);
        String trigger = "{\"type\":\"personCreated\"}";
        String step = "{\"action\":\"doNothing\"}";

        JsonNode rules = saveRules(campaign, "{\"triggers\":[" + String.join(",", java.util.Collections.nCopies(101, trigger))
                + "]}");
        JsonNode flow = saveFlow(campaign, "{\"steps\":[" + String.join(",", java.util.Collections.nCopies(101, step)) + "]}");

        assertThat(errors(rules)).containsExactly("1003 triggers: at most 100 triggers, got 101");
        assertThat(errors(flow)).containsExactly("1003 steps: at most 100 steps, got 101");
    }
}
