package dev.tandem.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Record-level faults in writes, and request faults drawn with a probability from a seed. */
class FaultInjectionTest extends EmulatorTestBase {

    private static String leads(int count) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add("{\"attributes\":{\"type\":\"Lead\"},\"LastName\":\"L" + i + "\",\"Company\":\"Acme\"}");
        }
        return "{\"allOrNone\":false,\"records\":[" + String.join(",", records) + "]}";
    }

    private List<Boolean> createLeadsAndReportSuccesses(int count) {
        List<Boolean> successes = new ArrayList<>();
        api.post(Api.V + "/composite/sobjects", leads(count)).json()
                .forEach(r -> successes.add(r.path("success").asBoolean()));
        return successes;
    }

    private int leadCount() {
        return api.query("SELECT COUNT() FROM Lead").json().path("totalSize").asInt();
    }

    @Test
    void aRecordFaultFailsOnlyTheChosenRecordOfACollectionsWrite() {
        int before = leadCount();
        emulator.control().addFault(new FaultRule("UNABLE_TO_LOCK_ROW", 0, "POST", "/composite/sobjects$", 1, 1, 0,
                null, 1.0, null, true));

        Api.Response r = api.post(Api.V + "/composite/sobjects", leads(3));

        assertThat(r.status()).isEqualTo(200);
        JsonNode results = r.json();
        assertThat(results.get(0).path("success").asBoolean()).isTrue();
        JsonNode error = assertRecordError(results.get(1), "UNABLE_TO_LOCK_ROW");
        assertThat(error.path("message").asText()).startsWith("unable to obtain exclusive access to this record");
        assertThat(results.get(1).has("id")).isFalse();
        assertThat(results.get(2).path("success").asBoolean()).isTrue();
        assertThat(leadCount()).isEqualTo(before + 2);
    }

    @Test
    void aRecordFaultFailsRecordsOfUpdatesAndDeletesToo() {
        String campaign = campaign("C");
        String first = member(campaign, lead("A"), "Sent");
        String second = member(campaign, lead("B"), "Sent");
        emulator.control().addFault(FaultRule.perRecord("UNABLE_TO_LOCK_ROW", "PATCH", "/composite/sobjects$", 1.0,
                1));

        JsonNode updated = api.patch(Api.V + "/composite/sobjects", "{\"records\":["
                + "{\"attributes\":{\"type\":\"CampaignMember\"},\"id\":\"" + first + "\",\"Status\":\"Responded\"}]}")
                .json();
        emulator.control().clearFaults();
        emulator.control().addFault(new FaultRule("ENTITY_IS_DELETED", 0, "DELETE", "/composite/sobjects$", 0, 1, 0,
                "entity is deleted", 1.0, null, true));
        JsonNode deleted = api.delete(Api.V + "/composite/sobjects?ids=" + first + "," + second).json();

        assertRecordError(updated.get(0), "UNABLE_TO_LOCK_ROW");
        assertThat(api.get(Api.V + "/sobjects/CampaignMember/" + first).json().path("Status").asText())
                .isEqualTo("Sent");
        assertThat(assertRecordError(deleted.get(0), "ENTITY_IS_DELETED").path("message").asText())
                .isEqualTo("entity is deleted");
        assertThat(deleted.get(0).path("id").asText()).isEqualTo(first);
        assertThat(deleted.get(1).path("success").asBoolean()).isTrue();
        assertThat(api.get(Api.V + "/sobjects/CampaignMember/" + first).status()).isEqualTo(200);
        assertThat(api.get(Api.V + "/sobjects/CampaignMember/" + second).status()).isEqualTo(404);
    }

    @Test
    void aSeededRecordFaultFailsTheSameSubsetOnEveryRun() {
        emulator.control().addFault(FaultRule.perRecord("UNABLE_TO_LOCK_ROW", "POST", "/composite/sobjects$", 0.4,
                2026));
        List<Boolean> first = createLeadsAndReportSuccesses(40);
        emulator.control().reset();
        api = Api.loggedIn(emulator);
        emulator.control().addFault(FaultRule.perRecord("UNABLE_TO_LOCK_ROW", "POST", "/composite/sobjects$", 0.4,
                2026));

        List<Boolean> second = createLeadsAndReportSuccesses(40);

        assertThat(second).isEqualTo(first);
        assertThat(first).contains(true, false);
    }

    @Test
    void aRecordFaultFailsASingleRecordSubrequestOfACompositeWithAnErrorBody() {
        emulator.control().addFault(new FaultRule("UNABLE_TO_LOCK_ROW", 0, "POST", "/composite$", 0, 1, 0, null, 1.0,
                null, true));
        String body = "{\"compositeRequest\":["
                + "{\"method\":\"POST\",\"url\":\"" + Api.V + "/sobjects/Campaign\",\"referenceId\":\"a\","
                + "\"body\":{\"Name\":\"A\"}},"
                + "{\"method\":\"POST\",\"url\":\"" + Api.V + "/sobjects/Campaign\",\"referenceId\":\"b\","
                + "\"body\":{\"Name\":\"B\"}},"
                + "{\"method\":\"GET\",\"url\":\"" + Api.V + "/query?q=SELECT+Name+FROM+Campaign\",\"referenceId\":\"c\"}]}";

        JsonNode responses = api.post(Api.V + "/composite", body).json().path("compositeResponse");

        assertThat(responses.get(0).path("httpStatusCode").asInt()).isEqualTo(400);
        assertThat(responses.get(0).path("body").get(0).path("errorCode").asText()).isEqualTo("UNABLE_TO_LOCK_ROW");
        assertThat(responses.get(1).path("httpStatusCode").asInt()).isEqualTo(201);
        assertThat(responses.get(2).path("body").path("records")).hasSize(1);
        assertThat(responses.get(2).path("body").path("records").get(0).path("Name").asText()).isEqualTo("B");
    }

    @Test
    void aSeededRequestFaultFailsTheSameRequestsOnEveryRun() {
        FaultRule rule = FaultRule.randomly("SERVER_UNAVAILABLE", 503, "GET", "/limits$", 0.5, 99);
        emulator.control().addFault(rule);
        List<Integer> first = limitsStatuses(30);
        emulator.control().clearFaults();
        emulator.control().addFault(rule);

        List<Integer> second = limitsStatuses(30);

        assertThat(second).isEqualTo(first);
        assertThat(first).contains(200, 503);
    }

    private List<Integer> limitsStatuses(int count) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(api.get(Api.V + "/limits").status());
        }
        return statuses;
    }

    @Test
    void faultRulesWithABadProbabilityOrARecordRuleWithoutCodeAreRefused() {
        assertThatThrownBy(() -> emulator.control().addFault(FaultRule.randomly("X", 503, null, null, 0, 1)))
                .isInstanceOf(EmulatorControl.ControlException.class).hasMessageContaining("probability");
        assertThatThrownBy(() -> emulator.control().addFault(FaultRule.randomly("X", 503, null, null, 1.5, 1)))
                .isInstanceOf(EmulatorControl.ControlException.class).hasMessageContaining("probability");
        assertThatThrownBy(() -> emulator.control().addFault(FaultRule.perRecord(null, null, null, 1.0, 1)))
                .isInstanceOf(EmulatorControl.ControlException.class).hasMessageContaining("errorCode");
        assertThatThrownBy(() -> emulator.control().addFault(new FaultRule("UNABLE_TO_LOCK_ROW", 0, null, null, 0, 1,
                100, null, 1.0, null, true))).isInstanceOf(EmulatorControl.ControlException.class)
                .hasMessageContaining("latencyMs");
    }
}
