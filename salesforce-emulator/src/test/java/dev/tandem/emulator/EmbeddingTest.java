package dev.tandem.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddingTest {
    static SalesforceEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.start(EmulatorConfig.defaults());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void startsOnARandomLoopbackPortAndServesTheVersionsList() {
        assertThat(emulator.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
        Api.Response r = new Api(emulator.baseUrl()).get("/services/data");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(r.json().findValuesAsText("version")).contains("31.0", "62.0", "66.0");
        assertThat(r.header("Sforce-Limit-Info")).isNull();
    }

    @Test
    void clientCredentialsTokenCreatesAndQueriesACampaign() {
        Api api = Api.loggedIn(emulator);
        assertThat(api.token()).startsWith(emulator.orgId().substring(0, 15) + "!");
        String id = api.create("Campaign", "{\"Name\":\"Spring Webinar\"}");
        Api.Response q = api.query("SELECT Id, Name, (SELECT Label FROM CampaignMemberStatuses) FROM Campaign WHERE Id = '"
                + id + "'");
        assertThat(q.status()).as(q.body()).isEqualTo(200);
        assertThat(q.json().path("records").get(0).path("Name").asText()).isEqualTo("Spring Webinar");
        assertThat(q.header("Sforce-Limit-Info")).matches("api-usage=\\d+/15000");
    }
}
