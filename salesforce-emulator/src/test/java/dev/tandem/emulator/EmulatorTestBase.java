package dev.tandem.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One embedded emulator per test class, reset to its baseline before every test. */
abstract class EmulatorTestBase {
    static SalesforceEmulator emulator;
    Api api;

    @BeforeAll
    static void startEmulator() {
        emulator = SalesforceEmulator.start(EmulatorConfig.defaults());
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void resetOrg() {
        emulator.control().reset();
        api = Api.loggedIn(emulator);
    }

    /** Asserts a single-resource error: status, JSON content type, and [{"message","errorCode",...}]. */
    static JsonNode assertError(Api.Response r, int status, String errorCode) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).isEqualTo("application/json;charset=UTF-8");
        JsonNode body = r.json();
        assertThat(body.isArray()).as(r.body()).isTrue();
        assertThat(body).hasSize(1);
        assertThat(body.get(0).path("errorCode").asText()).as(r.body()).isEqualTo(errorCode);
        assertThat(body.get(0).path("message").isTextual()).isTrue();
        return body.get(0);
    }

    /** Asserts one per-record collection failure: {"success":false,"errors":[{"statusCode",...}]}. */
    static JsonNode assertRecordError(JsonNode result, String statusCode) {
        assertThat(result.path("success").asBoolean()).as(result.toString()).isFalse();
        JsonNode error = result.path("errors").get(0);
        assertThat(error.path("statusCode").asText()).as(result.toString()).isEqualTo(statusCode);
        assertThat(error.has("errorCode")).isFalse();
        assertThat(error.path("fields").isArray()).isTrue();
        return error;
    }

    String campaign(String name) {
        return api.create("Campaign", "{\"Name\":\"" + name + "\"}");
    }

    String lead(String lastName) {
        return api.create("Lead", "{\"LastName\":\"" + lastName + "\",\"Company\":\"Acme\"}");
    }

    String member(String campaignId, String leadId, String status) {
        return api.create("CampaignMember", "{\"CampaignId\":\"" + campaignId + "\",\"LeadId\":\"" + leadId + "\""
                + (status == null ? "" : ",\"Status\":\"" + status + "\"") + "}");
    }

    static String q(String text) {
        return "'" + text + "'";
    }
}
