package dev.tandem.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiCallerTest {

    @Test
    void aCallAfterTheTokenExpiredFetchesANewTokenAndSucceeds() {
        try (TestTandem server = TestTandem.onH2()) {
            String first = server.token();
            server.clock().advance(Duration.ofDays(2));

            JsonNode response = server.get("/rest/v1/activities/types.json");

            assertThat(response.get("success").asBoolean()).as(response.toString()).isTrue();
            assertThat(server.token()).isNotEqualTo(first);
        }
    }

    @Test
    void aFormPostAfterTheTokenExpiredIsSentAgainWithTheNewToken() {
        try (TestTandem server = TestTandem.onH2()) {
            server.token();
            server.clock().advance(Duration.ofDays(2));

            JsonNode response = server.postForm("/rest/asset/v1/programs.json", Map.of("name", "After the jump",
                    "folder", "{\"id\":1,\"type\":\"Folder\"}", "type", "Default", "channel", "Online Advertising"));

            assertThat(response.get("success").asBoolean()).as(response.toString()).isTrue();
        }
    }

    @Test
    void aRefusalOtherThanAnExpiredTokenIsReturnedAsIs() {
        try (TestTandem server = TestTandem.onH2()) {
            String token = server.token();

            JsonNode response = server.get("/rest/v1/leads.json?filterType=id");

            assertThat(response.get("errors").get(0).get("code").asText()).isEqualTo("701");
            assertThat(server.token()).isEqualTo(token);
        }
    }
}
