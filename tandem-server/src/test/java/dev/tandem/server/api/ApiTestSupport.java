package dev.tandem.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.http.TestTandem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** One real server per test class on H2; each test uses fresh names so tests never see each other's data. */
abstract class ApiTestSupport {
    static TestTandem server;

    @BeforeAll
    static void startServer() {
        server = TestTandem.onH2();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** A name no other test uses. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The first error code of a refused request (and asserts it was refused). */
    static String errorCode(JsonNode response) {
        assertThat(response.get("success").asBoolean()).as("success in %s", response).isFalse();
        return response.get("errors").get(0).get("code").asText();
    }

    static String errorMessage(JsonNode response) {
        return response.get("errors").get(0).get("message").asText();
    }

    /** Asserts success and returns {@code result}. */
    static JsonNode result(JsonNode response) {
        assertThat(response.get("success").asBoolean()).as("success in %s", response).isTrue();
        return response.get("result");
    }

    /** Creates {@code count} leads with fresh emails and returns their ids in order. */
    static List<Long> createLeads(int count) {
        String domain = unique("d") + ".example.com";
        String input = IntStream.range(0, count)
                .mapToObj(i -> "{\"email\":\"p" + i + "@" + domain + "\",\"lastName\":\"P" + i + "\"}")
                .collect(Collectors.joining(","));
        JsonNode results = result(server.postJson("/rest/v1/leads.json", "{\"input\":[" + input + "]}"));
        List<Long> ids = new ArrayList<>();
        results.forEach(r -> ids.add(r.get("id").asLong()));
        assertThat(ids).hasSize(count);
        return ids;
    }

    /** Creates an Event program on the Webinar channel (Member 10, Registered 20, No Show 30, Attended 30 success). */
    static long createWebinarProgram() {
        return createProgram(unique("Webinar"), "Event", "Webinar");
    }

    static long createProgram(String name, String type, String channel) {
        JsonNode created = server.postForm("/rest/asset/v1/programs.json", Map.of("name", name,
                "folder", "{\"id\":1,\"type\":\"Folder\"}", "type", type, "channel", channel));
        return result(created).get(0).get("id").asLong();
    }

    /** The body of a program member write for these leads. */
    static String input(List<Long> leadIds) {
        return leadIds.stream().map(id -> "{\"leadId\":" + id + "}").collect(Collectors.joining(",", "[", "]"));
    }

    static JsonNode setStatus(long programId, String status, List<Long> leadIds) {
        return server.postJson("/rest/v1/programs/" + programId + "/members/status.json",
                "{\"statusName\":\"" + status + "\",\"input\":" + input(leadIds) + "}");
    }
}
