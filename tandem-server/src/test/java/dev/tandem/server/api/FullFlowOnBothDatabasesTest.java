package dev.tandem.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.http.TestDatabases;
import dev.tandem.server.http.TestTandem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.tandem.server.http.TestTandem.encode;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole API journey of an integration, run against H2 and the real PostgreSQL server alike. */
class FullFlowOnBothDatabasesTest {

    private static JsonNode ok(JsonNode response) {
        assertThat(response.get("success").asBoolean()).as("%s", response).isTrue();
        return response.get("result");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void anIntegrationCreatesPeopleAndAProgramMovesMembersAndReadsTheActivityLog(TestDatabases.Kind kind) {
        try (TestTandem server = TestTandem.on(kind)) {
            // Given a paging token from before anything happened
            String activityToken = server.get("/rest/v1/activities/pagingtoken.json?sinceDatetime="
                    + encode(server.clock().instant().toString())).get("nextPageToken").asText();

            // When an integration creates 350 people (two calls), a program, and sets statuses
            List<Long> people = new ArrayList<>();
            for (int[] range : new int[][]{{0, 300}, {300, 350}}) {
                String input = IntStream.range(range[0], range[1])
                        .mapToObj(i -> "{\"email\":\"person" + i + "@flow.example.com\",\"lastName\":\"P" + i + "\",\"company\":\"Acme\"}")
                        .collect(Collectors.joining(","));
                ok(server.postJson("/rest/v1/leads.json", "{\"action\":\"createOnly\",\"input\":[" + input + "]}"))
                        .forEach(r -> people.add(r.get("id").asLong()));
            }
            long program = ok(server.postForm("/rest/asset/v1/programs.json", Map.of("name", "Flow Webinar",
                    "folder", "{\"id\":1,\"type\":\"Folder\"}", "type", "Event", "channel", "Webinar",
                    "costs", "[{\"startDate\":\"2026-11-01\",\"cost\":1500}]"))).get(0).get("id").asLong();
            String firstBatch = people.subList(0, 300).stream().map(id -> "{\"leadId\":" + id + "}").collect(Collectors.joining(","));
            JsonNode registered = ok(server.postJson("/rest/v1/programs/" + program + "/members/status.json",
                    "{\"statusName\":\"Registered\",\"input\":[" + firstBatch + "]}"));
            JsonNode attended = ok(server.postJson("/rest/v1/programs/" + program + "/members/status.json",
                    "{\"statusName\":\"Attended\",\"input\":[{\"leadId\":" + people.get(0) + "},{\"leadId\":" + people.get(349) + "}]}"));
            JsonNode backwards = ok(server.postJson("/rest/v1/programs/" + program + "/members/status.json",
                    "{\"statusName\":\"Registered\",\"input\":[{\"leadId\":" + people.get(0) + "}]}"));
            JsonNode removed = ok(server.postJson("/rest/v1/programs/" + program + "/members/delete.json",
                    "{\"input\":[{\"leadId\":" + people.get(1) + "}]}"));

            // Then every write reports per record, in order
            assertThat(people).hasSize(350).doesNotHaveDuplicates();
            assertThat(registered).hasSize(300).allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("created"));
            assertThat(attended).extracting(r -> r.get("status").asText()).containsExactly("updated", "created");
            assertThat(backwards.get(0).get("reasons").get(0).get("code").asText()).isEqualTo("1037");
            assertThat(removed.get(0).get("status").asText()).isEqualTo("deleted");

            // And the members page through in lead order: 298 Registered + 2 Attended
            List<Long> registeredMembers = new ArrayList<>();
            String token = null;
            do {
                JsonNode page = server.get("/rest/v1/programs/" + program + "/members.json?filterType=statusName"
                        + "&filterValues=Registered&batchSize=100" + (token == null ? "" : "&nextPageToken=" + encode(token)));
                ok(page).forEach(m -> registeredMembers.add(m.get("leadId").asLong()));
                token = page.get("moreResult").asBoolean() ? page.get("nextPageToken").asText() : null;
            } while (token != null);
            assertThat(registeredMembers).hasSize(298).isSorted();
            assertThat(ok(server.get("/rest/v1/programs/" + program + "/members.json?filterType=reachedSuccess&filterValues=true")))
                    .extracting(m -> m.get("leadId").asLong()).containsExactly(people.get(0), people.get(349));

            // And the activity log holds 350 New Lead and 300 + 2 + 1 status changes, read page by page
            int newLeads = 0;
            int statusChanges = 0;
            JsonNode page;
            do {
                page = server.get("/rest/v1/activities.json?activityTypeIds=12,104&nextPageToken=" + encode(activityToken));
                for (JsonNode activity : ok(page)) {
                    if (activity.get("activityTypeId").asInt() == 12) {
                        newLeads++;
                    } else {
                        statusChanges++;
                    }
                }
                activityToken = page.get("nextPageToken").asText();
            } while (page.get("moreResult").asBoolean());
            assertThat(newLeads).isEqualTo(350);
            assertThat(statusChanges).isEqualTo(303);

            // And the program reads back with its cost, then is deleted
            JsonNode read = ok(server.get("/rest/asset/v1/program/byName.json?name=" + encode("Flow Webinar"))).get(0);
            assertThat(read.get("costs").get(0).get("cost").asLong()).isEqualTo(1500);
            ok(server.postForm("/rest/asset/v1/program/" + program + "/delete.json", Map.of()));
            assertThat(server.get("/rest/asset/v1/program/" + program + ".json").get("success").asBoolean()).isFalse();
        }
    }
}
