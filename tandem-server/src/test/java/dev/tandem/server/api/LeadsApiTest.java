package dev.tandem.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.tandem.server.http.TestTandem.encode;
import static dev.tandem.server.http.TestTandem.json;
import static org.assertj.core.api.Assertions.assertThat;

class LeadsApiTest extends ApiTestSupport {

    private static JsonNode sync(String body) {
        return server.postJson("/rest/v1/leads.json", body);
    }

    private static JsonNode byEmail(String email) {
        return server.get("/rest/v1/leads.json?filterType=email&filterValues=" + encode(email));
    }

    @Test
    void createOrUpdateCreatesNewLeadsAndUpdatesKnownOnesInInputOrder() {
        String known = unique("known") + "@example.com";
        sync("{\"input\":[{\"email\":\"" + known + "\",\"firstName\":\"Old\"}]}");
        String fresh = unique("fresh") + "@example.com";

        JsonNode results = result(sync("{\"action\":\"createOrUpdate\",\"lookupField\":\"email\",\"input\":["
                + "{\"email\":\"" + fresh + "\"},{\"email\":\"" + known + "\",\"firstName\":\"New\"}]}"));

        assertThat(results.get(0).get("seq").asInt()).isZero();
        assertThat(results.get(0).get("status").asText()).isEqualTo("created");
        assertThat(results.get(1).get("seq").asInt()).isEqualTo(1);
        assertThat(results.get(1).get("status").asText()).isEqualTo("updated");
        assertThat(result(byEmail(known)).get(0).get("firstName").asText()).isEqualTo("New");
    }

    @Test
    void createOnlySkipsAnExistingLeadWith1005() {
        String email = unique("dup") + "@example.com";
        sync("{\"input\":[{\"email\":\"" + email + "\"}]}");

        JsonNode results = result(sync("{\"action\":\"createOnly\",\"input\":[{\"email\":\"" + email + "\"}]}"));

        assertThat(results.get(0).get("status").asText()).isEqualTo("skipped");
        assertThat(results.get(0).get("reasons").get(0).get("code").asText()).isEqualTo("1005");
    }

    @Test
    void updateOnlySkipsAnUnknownLeadWith1004AndCreatesNothing() {
        String email = unique("ghost") + "@example.com";

        JsonNode results = result(sync("{\"action\":\"updateOnly\",\"input\":[{\"email\":\"" + email + "\"}]}"));

        assertThat(results.get(0).get("reasons").get(0).get("code").asText()).isEqualTo("1004");
        assertThat(result(byEmail(email))).isEmpty();
    }

    @Test
    void createDuplicateCreatesASecondLeadWithTheSameEmailAndThenLookupsMatchBothWith1007() {
        String email = unique("twin") + "@example.com";
        sync("{\"input\":[{\"email\":\"" + email + "\"}]}");

        JsonNode duplicate = result(sync("{\"action\":\"createDuplicate\",\"input\":[{\"email\":\"" + email + "\"}]}"));
        JsonNode ambiguous = result(sync("{\"action\":\"updateOnly\",\"input\":[{\"email\":\"" + email + "\",\"title\":\"x\"}]}"));

        assertThat(duplicate.get(0).get("status").asText()).isEqualTo("created");
        assertThat(result(byEmail(email))).hasSize(2);
        assertThat(ambiguous.get(0).get("reasons").get(0).get("code").asText()).isEqualTo("1007");
    }

    @Test
    void lookupByIdUpdatesTheNamedLeadAndSkipsAnUnknownIdWith1004() {
        long id = createLeads(1).get(0);

        JsonNode results = result(sync("{\"action\":\"updateOnly\",\"lookupField\":\"id\",\"input\":["
                + "{\"id\":" + id + ",\"company\":\"Acme\"},{\"id\":987654321,\"company\":\"Nobody\"}]}"));

        assertThat(results.get(0).get("status").asText()).isEqualTo("updated");
        assertThat(results.get(1).get("reasons").get(0).get("code").asText()).isEqualTo("1004");
        assertThat(result(server.get("/rest/v1/lead/" + id + ".json?fields=company")).get(0).get("company").asText())
                .isEqualTo("Acme");
    }

    @Test
    void anInvalidRecordIsSkippedWith1003NamingTheFieldWhileTheOthersAreWrittenInOrder() {
        String good1 = unique("a") + "@example.com";
        String good2 = unique("b") + "@example.com";

        JsonNode results = result(sync("{\"input\":[{\"email\":\"" + good1 + "\"},{\"email\":\"not-an-email\"},"
                + "{\"email\":\"" + good2 + "\"}]}"));

        assertThat(results).extracting(r -> r.get("seq").asInt()).containsExactly(0, 1, 2);
        assertThat(results).extracting(r -> r.get("status").asText()).containsExactly("created", "skipped", "created");
        assertThat(results.get(1).get("reasons").get(0).get("code").asText()).isEqualTo("1003");
        assertThat(results.get(1).get("reasons").get(0).get("message").asText()).contains("email");
        assertThat(result(byEmail(good2))).hasSize(1);
    }

    @Test
    void anUnknownFieldInARecordIsSkippedNamingTheField() {
        JsonNode results = result(sync("{\"input\":[{\"email\":\"" + unique("f") + "@example.com\",\"shoeSize\":42}]}"));

        assertThat(results.get(0).get("status").asText()).isEqualTo("skipped");
        assertThat(results.get(0).get("reasons").get(0).get("message").asText()).contains("shoeSize");
    }

    @Test
    void moreThan300RecordsAreRejectedWith1003AndNothingIsWritten() {
        String domain = unique("big") + ".example.com";
        String input = IntStream.range(0, 301).mapToObj(i -> "{\"email\":\"p" + i + "@" + domain + "\"}")
                .collect(Collectors.joining(","));

        JsonNode response = sync("{\"input\":[" + input + "]}");

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(result(byEmail("p0@" + domain))).isEmpty();
    }

    @Test
    void malformedJsonIsRejectedWith609() {
        assertThat(errorCode(sync("{\"input\":[{\"email\":"))).isEqualTo("609");
    }

    @Test
    void aBodyThatIsNotJsonContentIsRejectedWith612() {
        JsonNode response = json(server.send(server.authorized("/rest/v1/leads.json").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"input\":[]}")).build()).body());

        assertThat(errorCode(response)).isEqualTo("612");
    }

    @Test
    void aMissingInputIsRejectedWith701NamingIt() {
        JsonNode response = sync("{\"action\":\"createOnly\"}");

        assertThat(errorCode(response)).isEqualTo("701");
        assertThat(errorMessage(response)).isEqualTo("input cannot be blank");
    }

    @Test
    void anUnknownActionIsRejectedWith1003NamingIt() {
        JsonNode response = sync("{\"action\":\"upsertMaybe\",\"input\":[{\"email\":\"x@example.com\"}]}");

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(errorMessage(response)).contains("action");
    }

    @Test
    void aQueryPagesThroughMoreThanOnePageWithNextPageToken() {
        List<Long> ids = createLeads(5);
        String values = ids.stream().map(String::valueOf).collect(Collectors.joining(","));

        List<Long> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = server.get("/rest/v1/leads.json?filterType=id&filterValues=" + values + "&batchSize=2"
                    + (token == null ? "" : "&nextPageToken=" + encode(token)));
            result(page).forEach(p -> seen.add(p.get("id").asLong()));
            token = page.path("moreResult").asBoolean() ? page.get("nextPageToken").asText() : null;
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(ids);
    }

    @Test
    void aQueryReturnsOnlyTheRequestedFields() {
        long id = createLeads(1).get(0);

        JsonNode lead = result(server.get("/rest/v1/leads.json?filterType=id&filterValues=" + id + "&fields=email,lastName")).get(0);

        assertThat(lead.fieldNames()).toIterable().containsExactly("id", "email", "lastName");
    }

    @Test
    void anUnknownFieldInFieldsIsRejectedWith1006() {
        assertThat(errorCode(server.get("/rest/v1/leads.json?filterType=id&filterValues=1&fields=shoeSize"))).isEqualTo("1006");
    }

    @Test
    void aQueryWithoutFilterValuesIsRejectedWith701() {
        JsonNode response = server.get("/rest/v1/leads.json?filterType=email");

        assertThat(errorCode(response)).isEqualTo("701");
        assertThat(errorMessage(response)).contains("filterValues");
    }

    @Test
    void aQueryWithMoreThan300FilterValuesIsRejectedWith1003() {
        String values = IntStream.rangeClosed(1, 301).mapToObj(String::valueOf).collect(Collectors.joining(","));

        assertThat(errorCode(server.get("/rest/v1/leads.json?filterType=id&filterValues=" + values))).isEqualTo("1003");
    }

    @Test
    void aBatchSizeAbove300IsRejectedWith1003NamingIt() {
        JsonNode response = server.get("/rest/v1/leads.json?filterType=id&filterValues=1&batchSize=301");

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(errorMessage(response)).contains("batchSize");
    }

    @Test
    void anUnknownLookupFieldIsRejectedWith1003NamingIt() {
        JsonNode response = sync("{\"lookupField\":\"shoeSize\",\"input\":[{\"email\":\"x@example.com\"}]}");

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(errorMessage(response)).contains("lookupField");
    }

    @Test
    void aNonNumericLeadIdInThePathIsRejectedWith610() {
        assertThat(errorCode(server.get("/rest/v1/lead/abc.json"))).isEqualTo("610");
    }

    @Test
    void aForgedPageTokenIsRejectedWith1003NotAServerError() {
        JsonNode response = server.get("/rest/v1/leads.json?filterType=id&filterValues=1&nextPageToken=garbage!!");

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(errorMessage(response)).contains("nextPageToken");
    }

    @Test
    void aLeadIsReadByIdAndAnUnknownIdGivesAnEmptyResult() {
        long id = createLeads(1).get(0);

        assertThat(result(server.get("/rest/v1/lead/" + id + ".json")).get(0).get("id").asLong()).isEqualTo(id);
        assertThat(result(server.get("/rest/v1/lead/987654321.json"))).isEmpty();
    }

    @Test
    void describeListsTheFieldsWithTheirTypesAndWhetherTheyAreWritable() {
        JsonNode fields = result(server.get("/rest/v1/leads/describe.json"));

        assertThat(fields).anySatisfy(f -> {
            assertThat(f.get("rest").get("name").asText()).isEqualTo("email");
            assertThat(f.get("dataType").asText()).isEqualTo("email");
            assertThat(f.get("rest").get("readOnly").asBoolean()).isFalse();
        });
        assertThat(fields).anySatisfy(f -> {
            assertThat(f.get("rest").get("name").asText()).isEqualTo("createdAt");
            assertThat(f.get("rest").get("readOnly").asBoolean()).isTrue();
        });
    }
}
