package dev.tandem.server.automation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SmartCampaignsApiTest extends AutomationTestSupport {

    @Test
    void aCreatedCampaignIsAnInactiveDefaultCampaignOfItsProgram() {
        long program = webinar();

        JsonNode created = result(server.postForm("/rest/asset/v1/smartCampaigns.json", Map.of("name",
                unique("Follow up"), "folder", "{\"id\":" + program + ",\"type\":\"Program\"}", "description",
                "after the webinar"))).get(0);

        assertThat(created.get("type").asText()).isEqualTo("default");
        assertThat(created.get("isActive").asBoolean()).isFalse();
        assertThat(created.get("parentProgramId").asLong()).isEqualTo(program);
        assertThat(created.get("qualificationRuleType").asText()).isEqualTo("once");
        assertThat(created.get("description").asText()).isEqualTo("after the webinar");
    }

    @Test
    void creatingInAnUnknownProgramIsRefused() {
        JsonNode response = server.postForm("/rest/asset/v1/smartCampaigns.json", Map.of("name", unique("x"),
                "folder", "{\"id\":99999,\"type\":\"Program\"}"));

        assertThat(errors(response)).containsExactly("1013 Object not found: folder: no program with id 99999");
    }

    @Test
    void creatingWithoutANameIsRefused() {
        JsonNode response = server.postForm("/rest/asset/v1/smartCampaigns.json",
                Map.of("folder", "{\"id\":1,\"type\":\"Folder\"}"));

        assertThat(errors(response)).containsExactly("701 name cannot be blank");
    }

    @Test
    void getReturnsTheCampaignAndAnUnknownIdIsNotFound() {
        long campaign = campaign(null);

        assertThat(result(server.get("/rest/asset/v1/smartCampaign/" + campaign + ".json")).get(0).get("id").asLong())
                .isEqualTo(campaign);
        assertThat(errors(server.get("/rest/asset/v1/smartCampaign/999999.json"))).singleElement().asString()
                .startsWith("702");
    }

    @Test
    void updateRenamesTheCampaign() {
        long campaign = campaign(null);
        String name = unique("Renamed");

        JsonNode updated = result(server.postForm("/rest/asset/v1/smartCampaign/" + campaign + ".json",
                Map.of("name", name))).get(0);

        assertThat(updated.get("name").asText()).isEqualTo(name);
    }

    @Test
    void activationMakesATriggerCampaignActiveAndBrowsableByState() {
        long webinar = webinar();
        long campaign = campaign(webinar);
        result(saveRules(campaign, programStatusChanged(webinar, "Attended")));
        result(saveFlow(campaign, "{\"steps\":[{\"action\":\"changeProgramStatus\",\"status\":\"Attended\"}]}"));

        JsonNode activated = result(server.postJson("/rest/asset/v1/smartCampaign/" + campaign + "/activate.json", ""));

        assertThat(activated.get(0).get("id").asLong()).isEqualTo(campaign);
        JsonNode got = result(server.get("/rest/asset/v1/smartCampaign/" + campaign + ".json")).get(0);
        assertThat(got.get("isActive").asBoolean()).isTrue();
        assertThat(got.get("type").asText()).isEqualTo("trigger");
        assertThat(got.get("status").asText()).isEqualTo("Active");
        JsonNode active = result(server.get("/rest/asset/v1/smartCampaigns.json?isActive=true&maxReturn=200"));
        assertThat(active.findValuesAsText("id")).contains(Long.toString(campaign));
    }

    @Test
    void activationNeedsATriggerAndAFlowStep() {
        long webinar = webinar();
        long noTrigger = campaign(null);
        long noFlow = campaign(null);
        result(saveRules(noFlow, programStatusChanged(webinar, "Attended")));

        assertThat(errors(server.postJson("/rest/asset/v1/smartCampaign/" + noTrigger + "/activate.json", "")))
                .singleElement().asString().startsWith("709 Business rule violation: triggers: only trigger campaigns");
        assertThat(errors(server.postJson("/rest/asset/v1/smartCampaign/" + noFlow + "/activate.json", "")))
                .containsExactly("709 Business rule violation: steps: smart campaign " + noFlow + " has no flow step");
    }

    @Test
    void activatingTwiceAndDeactivatingAnInactiveCampaignAreRefused() {
        long webinar = webinar();
        long campaign = activeCampaign(null, programStatusChanged(webinar, "Attended"),
                changeProgramStatus(webinar, "Attended"));

        assertThat(errors(server.postJson("/rest/asset/v1/smartCampaign/" + campaign + "/activate.json", "")))
                .singleElement().asString().contains("is already active");
        result(server.postJson("/rest/asset/v1/smartCampaign/" + campaign + "/deactivate.json", ""));
        assertThat(errors(server.postJson("/rest/asset/v1/smartCampaign/" + campaign + "/deactivate.json", "")))
                .singleElement().asString().contains("is not active");
    }

    @Test
    void anActiveCampaignCannotLoseItsTriggersOrDeletedUntilDeactivated() {
        long webinar = webinar();
        long campaign = activeCampaign(null, programStatusChanged(webinar, "Attended"),
                changeProgramStatus(webinar, "Attended"));

        assertThat(errors(saveRules(campaign, "{\"triggers\":[]}"))).singleElement().asString()
                .startsWith("709");
        assertThat(errors(server.postJson("/rest/asset/v1/smartCampaign/" + campaign + "/delete.json", "")))
                .singleElement().asString().contains("deactivate smart campaign");

        result(server.postJson("/rest/asset/v1/smartCampaign/" + campaign + "/deactivate.json", ""));
        result(server.postJson("/rest/asset/v1/smartCampaign/" + campaign + "/delete.json", ""));
        assertThat(errors(server.get("/rest/asset/v1/smartCampaign/" + campaign + ".json"))).singleElement()
                .asString().startsWith("702");
    }

    @Test
    void browsePagesWithMaxReturnAndOffset() {
        campaign(null);
        campaign(null);

        JsonNode first = result(server.get("/rest/asset/v1/smartCampaigns.json?maxReturn=1&offset=0"));
        JsonNode second = result(server.get("/rest/asset/v1/smartCampaigns.json?maxReturn=1&offset=1"));

        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1);
        assertThat(first.get(0).get("id").asLong()).isLessThan(second.get(0).get("id").asLong());
        assertThat(errors(server.get("/rest/asset/v1/smartCampaigns.json?maxReturn=201"))).singleElement().asString()
                .startsWith("1003");
    }

    @Test
    void routesNeedAnAccessToken() {
        var response = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/rest/asset/v1/smartCampaigns.json"))
                .GET().build());

        assertThat(AutomationServer.json(response.body()).get("errors").get(0).get("code").asText()).isEqualTo("601");
    }

    @Test
    void byNameFindsTheCampaignAndAnUnknownNameIsNoData() {
        long campaign = campaign(null);
        String name = result(server.get("/rest/asset/v1/smartCampaign/" + campaign + ".json")).get(0).get("name").asText();

        JsonNode found = result(server.get("/rest/asset/v1/smartCampaign/byName.json?name="
                + AutomationServer.encode(name)));

        assertThat(found).singleElement().satisfies(c -> assertThat(c.get("id").asLong()).isEqualTo(campaign));
        assertThat(errors(server.get("/rest/asset/v1/smartCampaign/byName.json?name=nobody-has-this-name")))
                .singleElement().asString().startsWith("702");
        assertThat(errors(server.get("/rest/asset/v1/smartCampaign/byName.json"))).containsExactly(
                "701 name cannot be blank");
    }
}
