package dev.tandem.server.automation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.core.membership.Membership;
import dev.tandem.core.person.PersonFields;
import dev.tandem.core.person.SfdcType;
import dev.tandem.emulator.EmulatorConfig;
import dev.tandem.emulator.SalesforceEmulator;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.SalesforceConfig;
import dev.tandem.server.http.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** One automation server per test class on H2; tests use fresh names and people so they never see each other. */
abstract class AutomationTestSupport {
    static AutomationServer server;

    @BeforeAll
    static void startServer() {
        server = AutomationServer.onH2();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /**
     * Replaces the class's server by one with Salesforce actions on {@code kind}, connected (password flow) to a new
     * emulator, which it returns; campaign sync settings are left to the test.
     */
    static SalesforceEmulator startWithEmulator(TestDatabases.Kind kind) {
        server.close();
        SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorConfig.defaults());
        server = AutomationServer.withSalesforce(kind);
        result(server.postJson("/rest/tandem/v1/settings/salesforce.json", "{\"loginUrl\":\"" + emulator.baseUrl()
                + "\",\"authMode\":\"PASSWORD\",\"clientId\":\"tandem-client-id\",\"clientSecret\":"
                + "\"tandem-client-secret\",\"username\":\"integration@tandem.dev\","
                + "\"password\":\"tandem-password\"}"));
        return emulator;
    }

    /** A client of the test's own, acting in Salesforce as its users would. */
    static SalesforceClient salesforceUser(SalesforceEmulator emulator) {
        return SalesforceClient.connect(SalesforceConfig.builder(emulator.baseUrl())
                .password("tandem-client-id", "tandem-client-secret", "integration@tandem.dev", "tandem-password")
                .build());
    }

    /** A Lead in Salesforce that Tandem knows as a person. */
    record Known(long personId, String leadId) {
    }

    /** Creates a Lead in Salesforce (a fresh email starting with {@code emailPrefix}) and its person in Tandem. */
    static Known knownLead(SalesforceClient salesforce, String emailPrefix, String lastName) {
        String email = unique(emailPrefix) + "@example.com";
        String leadId = salesforce.create("Lead", List.of(Map.of("LastName", lastName, "Company", "Acme",
                "Email", email))).get(0).id();
        long id = server.app().services().people().findOrCreateBySalesforce(SfdcType.LEAD, leadId,
                new PersonFields(email, null, lastName, "Acme", null, null, SfdcType.LEAD, leadId)).person().id();
        return new Known(id, leadId);
    }

    /** Adds the Lead to the campaign directly in Salesforce, as a Salesforce user would; returns the member id. */
    static String addInSalesforce(SalesforceClient salesforce, String campaignId, Known lead, String status) {
        return salesforce.create("CampaignMember", List.of(Map.of("CampaignId", campaignId, "LeadId", lead.leadId(),
                "Status", status))).get(0).id();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonNode result(JsonNode response) {
        assertThat(response.get("success").asBoolean()).as("success in %s", response).isTrue();
        return response.get("result");
    }

    static List<String> errors(JsonNode response) {
        assertThat(response.get("success").asBoolean()).as("success in %s", response).isFalse();
        List<String> errors = new ArrayList<>();
        response.get("errors").forEach(e -> errors.add(e.get("code").asText() + " " + e.get("message").asText()));
        return errors;
    }

    /** Creates people with the given last names (and fresh emails); returns their ids. */
    static List<Long> people(String... lastNames) {
        String domain = unique("d") + ".example.com";
        String input = IntStream.range(0, lastNames.length)
                .mapToObj(i -> "{\"email\":\"p" + i + "@" + domain + "\",\"lastName\":\"" + lastNames[i]
                        + "\",\"company\":\"Acme\"}")
                .collect(Collectors.joining(","));
        JsonNode results = result(server.postJson("/rest/v1/leads.json", "{\"input\":[" + input + "]}"));
        List<Long> ids = new ArrayList<>();
        results.forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    static long person() {
        return people("Doe").get(0);
    }

    /** An Event program on the Webinar channel (Member 10, Registered 20, No Show 30, Attended 30, On-Demand 40). */
    static long webinar() {
        JsonNode created = server.postForm("/rest/asset/v1/programs.json", Map.of("name", unique("Webinar"),
                "folder", "{\"id\":1,\"type\":\"Folder\"}", "type", "Event", "channel", "Webinar"));
        return result(created).get(0).get("id").asLong();
    }

    /** Creates a smart campaign in the program (null: none); returns its id. */
    static long campaign(Long programId) {
        String folder = programId == null ? "{\"id\":1,\"type\":\"Folder\"}"
                : "{\"id\":" + programId + ",\"type\":\"Program\"}";
        return result(server.postForm("/rest/asset/v1/smartCampaigns.json",
                Map.of("name", unique("Campaign"), "folder", folder))).get(0).get("id").asLong();
    }

    static JsonNode saveRules(long campaignId, String rules) {
        return server.postJson("/rest/tandem/v1/smartCampaigns/" + campaignId + "/rules.json", rules);
    }

    static JsonNode saveFlow(long campaignId, String flow) {
        return server.postJson("/rest/tandem/v1/smartCampaigns/" + campaignId + "/flow.json", flow);
    }

    static void activate(long campaignId) {
        result(server.postJson("/rest/asset/v1/smartCampaign/" + campaignId + "/activate.json", ""));
    }

    /** A trigger campaign with these rules and flow, active. */
    static long activeCampaign(Long programId, String rules, String flow) {
        long id = campaign(programId);
        result(saveRules(id, rules));
        result(saveFlow(id, flow));
        activate(id);
        return id;
    }

    static void setStatus(long programId, String status, long... personIds) {
        String input = java.util.Arrays.stream(personIds).mapToObj(id -> "{\"leadId\":" + id + "}")
                .collect(Collectors.joining(",", "[", "]"));
        result(server.postJson("/rest/v1/programs/" + programId + "/members/status.json",
                "{\"statusName\":\"" + status + "\",\"input\":" + input + "}"));
    }

    static Optional<String> statusOf(long programId, long personId) {
        return server.app().services().memberships().get(programId, personId).map(Membership::status);
    }

    /** How many activities of the type the campaign wrote for the person. */
    static int activitiesBy(long campaignId, long personId, int typeId) {
        return server.app().services().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM activities WHERE campaign_id = :c AND person_id = :p AND type_id = :t")
                .bind("c", campaignId).bind("p", personId).bind("t", typeId).mapTo(Integer.class).one());
    }

    /** How many times the person went through the campaign's flow. */
    static int runsOf(long campaignId, long personId) {
        return server.app().services().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM automation_flow_runs WHERE campaign_id = :c AND person_id = :p")
                .bind("c", campaignId).bind("p", personId).mapTo(Integer.class).one());
    }

    /** The step log of the person in the campaign: "step action outcome reason". */
    static List<String> stepLog(long campaignId, long personId) {
        return server.app().services().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT step_index, action, outcome, reason FROM automation_step_log WHERE campaign_id = :c "
                                + "AND person_id = :p ORDER BY id")
                .bind("c", campaignId).bind("p", personId)
                .map((rs, ctx) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3)
                        + (rs.getString(4) == null ? "" : " " + rs.getString(4)))
                .list());
    }

    static String programStatusChanged(long programId, String newStatus) {
        return "{\"triggers\":[{\"type\":\"programStatusChanged\",\"programId\":" + programId
                + ",\"newStatus\":{\"operator\":\"is\",\"values\":[\"" + newStatus + "\"]}}]}";
    }

    static String changeProgramStatus(long programId, String status) {
        return "{\"steps\":[{\"action\":\"changeProgramStatus\",\"programId\":" + programId + ",\"status\":\""
                + status + "\"}]}";
    }
}
