package dev.tandem.server.automation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.core.activity.ActivityType;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignRequestTest extends AutomationTestSupport {

    private static final String REQUESTED = "{\"triggers\":[{\"type\":\"campaignRequested\",\"source\":\"Web Service API\"}]}";

    @Test
    void aRequestRunsTheRequestedCampaignForEachLeadWithItsTokens() {
        long program = webinar();
        long campaign = activeCampaign(program, REQUESTED,
                "{\"steps\":[{\"action\":\"changeProgramStatus\",\"status\":\"Registered\"}]}");
        long other = activeCampaign(program, REQUESTED, "{\"steps\":[{\"action\":\"removeFromProgram\"}]}");
        long ann = person();
        long bob = person();

        JsonNode response = server.postJson("/rest/v1/campaigns/" + campaign + "/trigger.json",
                "{\"input\":{\"leads\":[{\"id\":" + ann + "},{\"id\":" + bob + "}],"
                        + "\"tokens\":[{\"name\":\"{{my.message}}\",\"value\":\"hello\"}]}}");
        server.drain();

        assertThat(result(response).get(0).get("id").asLong()).isEqualTo(campaign);
        assertThat(statusOf(program, ann)).contains("Registered");
        assertThat(statusOf(program, bob)).contains("Registered");
        assertThat(runsOf(other, ann)).as("only the requested campaign fires").isZero();
        assertThat(activitiesBy(campaign, ann, ActivityType.REQUEST_CAMPAIGN.id())).isEqualTo(1);
        String tokens = server.app().services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT tokens FROM automation_flow_runs WHERE campaign_id = :c AND person_id = :p")
                .bind("c", campaign).bind("p", ann).mapTo(String.class).one());
        assertThat(tokens).contains("{{my.message}}").contains("hello");
    }

    @Test
    void moreThanOneHundredLeadsAreRefused() {
        long campaign = activeCampaign(webinar(), REQUESTED, "{\"steps\":[{\"action\":\"doNothing\"}]}");
        String leads = LongStream.rangeClosed(1, 101).mapToObj(i -> "{\"id\":" + i + "}")
                .collect(Collectors.joining(","));

        JsonNode response = server.postJson("/rest/v1/campaigns/" + campaign + "/trigger.json",
                "{\"input\":{\"leads\":[" + leads + "]}}");

        assertThat(errors(response)).containsExactly("1003 Invalid data: input.leads: at most 100 leads a call, got 101");
    }

    @Test
    void aCampaignWithoutTheRequestedTriggerIsRefused() {
        long webinar = webinar();
        long campaign = activeCampaign(null, programStatusChanged(webinar, "Attended"),
                "{\"steps\":[{\"action\":\"doNothing\"}]}");

        JsonNode response = server.postJson("/rest/v1/campaigns/" + campaign + "/trigger.json",
                "{\"input\":{\"leads\":[{\"id\":" + person() + "}]}}");

        assertThat(errors(response)).singleElement().asString().contains("has no 'Campaign is Requested' trigger");
    }

    @Test
    void anInactiveCampaignIsRefused() {
        long campaign = campaign(webinar());
        result(saveRules(campaign, REQUESTED));

        JsonNode response = server.postJson("/rest/v1/campaigns/" + campaign + "/trigger.json",
                "{\"input\":{\"leads\":[{\"id\":" + person() + "}]}}");

        assertThat(errors(response)).singleElement().asString().contains("is not active");
    }

    @Test
    void aBatchCampaignIsRefusedWith1003() {
        long campaign = campaign(null);
        result(saveRules(campaign, "{\"filters\":[{\"type\":\"personAttribute\",\"attribute\":\"email\","
                + "\"operator\":\"is empty\"}]}"));

        JsonNode response = server.postJson("/rest/v1/campaigns/" + campaign + "/trigger.json",
                "{\"input\":{\"leads\":[{\"id\":" + person() + "}]}}");

        assertThat(errors(response)).singleElement().asString().startsWith("1003").contains("batch campaign");
    }

    @Test
    void unknownLeadsAreRefusedAndNothingIsRequested() {
        long campaign = activeCampaign(webinar(), REQUESTED, "{\"steps\":[{\"action\":\"doNothing\"}]}");
        long known = person();

        JsonNode response = server.postJson("/rest/v1/campaigns/" + campaign + "/trigger.json",
                "{\"input\":{\"leads\":[{\"id\":" + known + "},{\"id\":987654321}]}}");
        server.drain();

        assertThat(errors(response)).containsExactly("1004 input.leads: no lead with id [987654321]");
        assertThat(runsOf(campaign, known)).isZero();
    }

    @Test
    void malformedTokensAreRefused() {
        long campaign = activeCampaign(webinar(), REQUESTED, "{\"steps\":[{\"action\":\"doNothing\"}]}");

        JsonNode response = server.postJson("/rest/v1/campaigns/" + campaign + "/trigger.json",
                "{\"input\":{\"leads\":[{\"id\":" + person() + "}],\"tokens\":[{\"name\":\"message\",\"value\":\"x\"}]}}");

        assertThat(errors(response)).singleElement().asString()
                .isEqualTo("1003 Invalid value for 'input.tokens[0].name': must look like {{my.name}}, got 'message'");
    }
}
