package dev.tandem.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.domain.programs.ProgramService;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import static dev.tandem.server.http.TestTandem.encode;
import static dev.tandem.server.http.TestTandem.json;
import static org.assertj.core.api.Assertions.assertThat;

class ProgramsApiTest extends ApiTestSupport {
    private static final String FOLDER = "{\"id\":1035,\"type\":\"Folder\"}";

    private static Map<String, String> form(String name) {
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("folder", FOLDER);
        form.put("type", "Default");
        form.put("channel", "Online Advertising");
        return form;
    }

    private static JsonNode create(Map<String, String> form) {
        return server.postForm("/rest/asset/v1/programs.json", form);
    }

    @Test
    void aProgramIsCreatedFromAFormWithCostsAndReadBackByIdAndByName() {
        String name = unique("Spring Ads");
        Map<String, String> form = form(name);
        form.put("description", "Paid search");
        form.put("costs", "[{\"startDate\":\"2026-01-01\",\"cost\":2000,\"note\":\"Search\"}]");

        JsonNode created = result(create(form)).get(0);
        long id = created.get("id").asLong();
        JsonNode byId = result(server.get("/rest/asset/v1/program/" + id + ".json")).get(0);
        JsonNode byName = result(server.get("/rest/asset/v1/program/byName.json?name=" + encode(name))).get(0);

        assertThat(created.get("name").asText()).isEqualTo(name);
        assertThat(byId.get("type").asText()).isEqualTo("Default");
        assertThat(byId.get("channel").asText()).isEqualTo("Online Advertising");
        assertThat(byId.get("description").asText()).isEqualTo("Paid search");
        assertThat(byId.get("costs").get(0).get("cost").asLong()).isEqualTo(2000);
        assertThat(byId.get("costs").get(0).get("startDate").asText()).isEqualTo("2026-01-01");
        assertThat(byName.get("id").asLong()).isEqualTo(id);
    }

    @Test
    void anUnlinkedProgramShowsNullSalesforceFieldsAndALinkedOneShowsTheCampaign() {
        long id = createProgram(unique("Linked"), "Default", "Web");
        JsonNode before = result(server.get("/rest/asset/v1/program/" + id + ".json")).get(0);
        ProgramService programs = server.app().services().programs();
        server.app().services().database().jdbi().useTransaction(tx ->
                programs.linkSalesforceCampaign(tx, id, "701000000000001AAA", "Web Campaign"));

        JsonNode after = result(server.get("/rest/asset/v1/program/" + id + ".json")).get(0);

        assertThat(before.has("sfdcId")).isTrue();
        assertThat(before.get("sfdcId").isNull()).isTrue();
        assertThat(before.get("sfdcName").isNull()).isTrue();
        assertThat(after.get("sfdcId").asText()).isEqualTo("701000000000001AAA");
        assertThat(after.get("sfdcName").asText()).isEqualTo("Web Campaign");
    }

    @Test
    void eachMissingRequiredFieldIsRejectedWith701NamingIt() {
        for (String field : new String[]{"name", "folder", "type", "channel"}) {
            Map<String, String> form = form(unique("Missing"));
            form.remove(field);

            JsonNode response = create(form);

            assertThat(errorCode(response)).as(field).isEqualTo("701");
            assertThat(errorMessage(response)).isEqualTo(field + " cannot be blank");
        }
    }

    @Test
    void aJsonBodyIsRejectedWith612BecauseMarketoTakesAForm() {
        JsonNode response = server.postJson("/rest/asset/v1/programs.json", "{\"name\":\"x\"}");

        assertThat(errorCode(response)).isEqualTo("612");
    }

    @Test
    void malformedCostsJsonIsRejectedWith609() {
        Map<String, String> form = form(unique("BadCosts"));
        form.put("costs", "[{\"startDate\":");

        assertThat(errorCode(create(form))).isEqualTo("609");
    }

    @Test
    void aCostAboveTheMaximumIsRejectedWith1003NamingTheCost() {
        Map<String, String> form = form(unique("Expensive"));
        form.put("costs", "[{\"startDate\":\"2026-01-01\",\"cost\":100000000}]");

        JsonNode response = create(form);

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(errorMessage(response)).contains("costs[0]");
    }

    @Test
    void aMalformedFolderIsRejectedWith1003() {
        Map<String, String> form = form(unique("Folder"));
        form.put("folder", "{\"name\":\"x\"}");

        JsonNode response = create(form);

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(errorMessage(response)).contains("folder");
    }

    @Test
    void anUnknownTypeIsRejectedWith1003NamingIt() {
        Map<String, String> form = form(unique("Type"));
        form.put("type", "Party");

        JsonNode response = create(form);

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(errorMessage(response)).contains("type");
    }

    @Test
    void anUnknownChannelIsRejectedWith1013AndNoProgramIsCreated() {
        String name = unique("NoChannel");
        Map<String, String> form = form(name);
        form.put("channel", "Carrier Pigeon");

        JsonNode response = create(form);

        assertThat(errorCode(response)).isEqualTo("1013");
        assertThat(errorCode(server.get("/rest/asset/v1/program/byName.json?name=" + encode(name)))).isEqualTo("702");
    }

    @Test
    void aChannelOfAnotherProgramTypeIsRejectedWith1003() {
        Map<String, String> form = form(unique("Mismatch"));
        form.put("channel", "Webinar");

        assertThat(errorCode(create(form))).isEqualTo("1003");
    }

    @Test
    void aTakenNameIsRejectedWith709() {
        String name = unique("Taken");
        create(form(name));

        assertThat(errorCode(create(form(name)))).isEqualTo("709");
    }

    @Test
    void anUpdateChangesNameAndDescriptionAndAppendsCosts() {
        Map<String, String> form = form(unique("Update"));
        form.put("costs", "[{\"startDate\":\"2026-01-01\",\"cost\":100}]");
        long id = result(create(form)).get(0).get("id").asLong();
        String renamed = unique("Renamed");

        JsonNode updated = result(server.postForm("/rest/asset/v1/program/" + id + ".json", Map.of("name", renamed,
                "description", "now described", "costs", "[{\"startDate\":\"2026-02-01\",\"cost\":50}]"))).get(0);

        assertThat(updated.get("name").asText()).isEqualTo(renamed);
        assertThat(updated.get("description").asText()).isEqualTo("now described");
        assertThat(updated.get("costs")).extracting(c -> c.get("cost").asLong()).containsExactly(100L, 50L);
    }

    @Test
    void aDestructiveCostUpdateReplacesAllCostsAndWithoutCostsClearsThem() {
        Map<String, String> form = form(unique("Destructive"));
        form.put("costs", "[{\"startDate\":\"2026-01-01\",\"cost\":100},{\"startDate\":\"2026-02-01\",\"cost\":200}]");
        long id = result(create(form)).get(0).get("id").asLong();
        String path = "/rest/asset/v1/program/" + id + ".json";

        JsonNode replaced = result(server.postForm(path, Map.of("costsDestructiveUpdate", "true",
                "costs", "[{\"startDate\":\"2026-03\",\"cost\":7}]"))).get(0);
        JsonNode cleared = result(server.postForm(path, Map.of("costsDestructiveUpdate", "true"))).get(0);

        assertThat(replaced.get("costs")).extracting(c -> c.get("cost").asLong()).containsExactly(7L);
        assertThat(cleared.get("costs").isNull()).isTrue();
    }

    @Test
    void updatingOrDeletingAnUnknownProgramIsRejectedWith1013() {
        assertThat(errorCode(server.postForm("/rest/asset/v1/program/987654321.json", Map.of("name", "x")))).isEqualTo("1013");
        assertThat(errorCode(server.postForm("/rest/asset/v1/program/987654321/delete.json", Map.of()))).isEqualTo("1013");
    }

    @Test
    void readingAnUnknownProgramIsRejectedWith1013() {
        assertThat(errorCode(server.get("/rest/asset/v1/program/987654321.json"))).isEqualTo("1013");
    }

    @Test
    void aNonNumericProgramIdIsRejectedWith610() {
        assertThat(errorCode(server.get("/rest/asset/v1/program/abc.json"))).isEqualTo("610");
    }

    @Test
    void byNameWithoutANameIsRejectedWith701() {
        JsonNode response = server.get("/rest/asset/v1/program/byName.json");

        assertThat(errorCode(response)).isEqualTo("701");
        assertThat(errorMessage(response)).isEqualTo("name cannot be blank");
    }

    @Test
    void aDeletedProgramIsGone() {
        long id = createProgram(unique("Doomed"), "Default", "Web");

        JsonNode deleted = result(server.postForm("/rest/asset/v1/program/" + id + "/delete.json", Map.of()));

        assertThat(deleted.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(errorCode(server.get("/rest/asset/v1/program/" + id + ".json"))).isEqualTo("1013");
    }

    @Test
    void browsingPagesWithMaxReturnAndOffsetWithoutRepeats() {
        for (int i = 0; i < 5; i++) {
            createProgram(unique("Browse"), "Default", "Content");
        }
        Set<Long> seen = new LinkedHashSet<>();
        int offset = 0;
        int pages = 0;
        JsonNode page;
        do {
            page = result(server.get("/rest/asset/v1/programs.json?maxReturn=2&offset=" + offset));
            page.forEach(p -> assertThat(seen.add(p.get("id").asLong())).isTrue());
            offset += 2;
            pages++;
        } while (page.size() == 2);

        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(seen.size()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void browsingReturnsTwentyByDefault() {
        for (int i = 0; i < 21; i++) {
            createProgram(unique("Many"), "Default", "Content");
        }

        assertThat(result(server.get("/rest/asset/v1/programs.json"))).hasSize(20);
    }

    @Test
    void maxReturnAbove200IsRejectedWith1003() {
        JsonNode response = server.get("/rest/asset/v1/programs.json?maxReturn=201");

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(errorMessage(response)).contains("maxReturn");
    }

    @Test
    void anUnsupportedBrowseFilterIsRefusedRatherThanIgnored() {
        JsonNode response = server.get("/rest/asset/v1/programs.json?earliestUpdatedAt=2026-01-01T00:00:00Z");

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(errorMessage(response)).contains("earliestUpdatedAt");
    }

    @Test
    void aGetOnTheDeleteRouteIsRejectedWith605() {
        JsonNode response = json(server.send(server.authorized("/rest/asset/v1/program/1/delete.json").GET().build()).body());

        assertThat(errorCode(response)).isEqualTo("605");
    }

    @Test
    void channelsAreBrowsedWithTheirProgressionStatuses() {
        JsonNode channels = result(server.get("/rest/asset/v1/channels.json?maxReturn=200"));

        assertThat(channels).anySatisfy(c -> {
            assertThat(c.get("name").asText()).isEqualTo("Webinar");
            assertThat(c.get("applicableProgramType").asText()).isEqualTo("event");
            assertThat(c.get("progressionStatuses").get(0).get("name").asText()).isEqualTo("Not in Program");
            assertThat(c.get("progressionStatuses").get(0).get("step").asInt()).isZero();
        });
    }

    @Test
    void channelsPageWithMaxReturnAndOffset() {
        JsonNode first = result(server.get("/rest/asset/v1/channels.json?maxReturn=2"));
        JsonNode second = result(server.get("/rest/asset/v1/channels.json?maxReturn=2&offset=2"));

        assertThat(first).hasSize(2);
        assertThat(second).hasSize(2);
        assertThat(second.get(0).get("id").asLong()).isNotEqualTo(first.get(0).get("id").asLong());
    }

    @Test
    void channelsMaxReturnAbove200IsRejectedWith1003() {
        JsonNode response = server.get("/rest/asset/v1/channels.json?maxReturn=201");

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(errorMessage(response)).contains("maxReturn");
    }

    @Test
    void channelByNameWithoutANameIsRejectedWith701() {
        assertThat(errorMessage(server.get("/rest/asset/v1/channel/byName.json"))).isEqualTo("name cannot be blank");
    }

    @Test
    void aChannelIsFoundByExactNameAndAnUnknownNameGives702() {
        JsonNode tradeshow = result(server.get("/rest/asset/v1/channel/byName.json?name=Tradeshow")).get(0);

        assertThat(tradeshow.get("progressionStatuses")).extracting(s -> s.get("name").asText())
                .contains("Visited Booth", "Engaged");
        assertThat(errorCode(server.get("/rest/asset/v1/channel/byName.json?name=tradeshow"))).isEqualTo("702");
    }

    @Test
    void aFormWithTheWrongContentTypeIsRejectedOnUpdate() {
        long id = createProgram(unique("CT"), "Default", "Web");

        JsonNode response = json(server.send(server.authorized("/rest/asset/v1/program/" + id + ".json")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("name=x")).build()).body());

        assertThat(errorCode(response)).isEqualTo("612");
    }
}
