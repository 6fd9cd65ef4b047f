package dev.tandem.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.emulator.schema.CustomField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sObject Collections, upsert by external id (a custom field from configuration) and composite requests. */
class CollectionsAndCompositeTest {
    static SalesforceEmulator emulator;
    Api api;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.start(EmulatorConfig.defaults()
                .withCustomField(CustomField.externalIdText("CampaignMember", "Sync_Key__c"))
                .withCustomField(CustomField.externalIdText("Lead", "Tandem_Id__c")));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.control().reset();
        api = Api.loggedIn(emulator);
    }

    private static String records(String... records) {
        return "{\"records\":[" + String.join(",", records) + "]}";
    }

    private static String lead(String last, String company) {
        return "{\"attributes\":{\"type\":\"Lead\"},\"LastName\":\"" + last + "\""
                + (company == null ? "" : ",\"Company\":\"" + company + "\"") + "}";
    }

    @Test
    void createReportsResultsInRequestOrder() {
        JsonNode results = api.post(Api.V + "/composite/sobjects", records(lead("A", "X"), lead("B", null),
                lead("C", "X"))).json();
        assertThat(results).hasSize(3);
        assertThat(results.get(0).path("id").asText()).startsWith("00Q");
        assertThat(results.get(0).path("errors")).isEmpty();
        assertThat(results.get(1).has("id")).isFalse();
        assertThat(results.get(1).path("errors").get(0).path("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(results.get(2).path("success").asBoolean()).isTrue();
    }

    @Test
    void allOrNoneRollsBackEveryRecordWhenOneFails() {
        JsonNode results = api.post(Api.V + "/composite/sobjects", "{\"allOrNone\":true,\"records\":[" + lead("A", "X")
                + "," + lead("B", null) + "]}").json();
        JsonNode rolledBack = results.get(0).path("errors").get(0);
        assertThat(rolledBack.path("statusCode").asText()).isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
        assertThat(rolledBack.path("message").asText()).isEqualTo("Record rolled back because not all records were"
                + " valid and the request was using AllOrNone header");
        assertThat(results.get(1).path("errors").get(0).path("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(api.query("SELECT COUNT() FROM Lead").json().path("totalSize").asInt()).isZero();
    }

    @Test
    void updateNeedsIdsAndReportsMissingRecords() {
        String id = api.create("Lead", "{\"LastName\":\"U\",\"Company\":\"X\"}");
        JsonNode results = api.patch(Api.V + "/composite/sobjects", records(
                "{\"attributes\":{\"type\":\"Lead\"},\"id\":\"" + id + "\",\"Title\":\"CTO\"}",
                "{\"attributes\":{\"type\":\"Lead\"},\"Title\":\"CTO\"}",
                "{\"attributes\":{\"type\":\"Lead\"},\"id\":\"00Q5g0000000001\",\"Title\":\"CTO\"}")).json();
        assertThat(results.get(0).path("success").asBoolean()).isTrue();
        assertThat(results.get(1).path("errors").get(0).path("statusCode").asText()).isEqualTo("MISSING_ARGUMENT");
        assertThat(results.get(2).path("errors").get(0).path("statusCode").asText())
                .isEqualTo("INVALID_CROSS_REFERENCE_KEY");
        assertThat(api.get(Api.V + "/sobjects/Lead/" + id).json().path("Title").asText()).isEqualTo("CTO");
    }

    @Test
    void deleteByIdsReportsAlreadyDeletedRecords() {
        String id = api.create("Lead", "{\"LastName\":\"D\",\"Company\":\"X\"}");
        JsonNode results = api.delete(Api.V + "/composite/sobjects?ids=" + id + "," + id + ",bogus").json();
        assertThat(results.get(0).path("success").asBoolean()).isTrue();
        assertThat(results.get(1).path("errors").get(0).path("statusCode").asText()).isEqualTo("ENTITY_IS_DELETED");
        assertThat(results.get(2).path("errors").get(0).path("statusCode").asText()).isEqualTo("MALFORMED_ID");
    }

    @Test
    void retrieveReturnsRecordsAndNullsInOrder() {
        String id = api.create("Lead", "{\"LastName\":\"R\",\"Company\":\"X\"}");
        JsonNode rows = api.post(Api.V + "/composite/sobjects/Lead", "{\"ids\":[\"" + id
                + "\",\"00Q5g0000000001\"],\"fields\":[\"LastName\",\"Company\"]}").json();
        assertThat(rows.get(0).path("LastName").asText()).isEqualTo("R");
        assertThat(rows.get(0).has("Title")).isFalse();
        assertThat(rows.get(1).isNull()).isTrue();
        JsonNode viaGet = api.get(Api.V + "/composite/sobjects/Lead?ids=" + id + "&fields=Company").json();
        assertThat(viaGet.get(0).path("Company").asText()).isEqualTo("X");
    }

    @Test
    void singleUpsertCreatesThenUpdatesByExternalId() {
        Api.Response created = api.patch(Api.V + "/sobjects/Lead/Tandem_Id__c/p-1",
                "{\"LastName\":\"Upsert\",\"Company\":\"X\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("created").asBoolean()).isTrue();
        Api.Response updated = api.patch(Api.V + "/sobjects/Lead/Tandem_Id__c/p-1", "{\"Title\":\"VP\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("created").asBoolean()).isFalse();
        assertThat(updated.json().path("id").asText()).isEqualTo(created.json().path("id").asText());
        assertThat(api.get(Api.V + "/sobjects/Lead/Tandem_Id__c/p-1").json().path("Title").asText()).isEqualTo("VP");
        EmulatorTestBase.assertError(api.patch(Api.V + "/sobjects/Lead/LastName/x", "{}"), 404, "NOT_FOUND");
    }

    @Test
    void collectionUpsertOfCampaignMembersBySyncKey() {
        String campaign = api.create("Campaign", "{\"Name\":\"Upserts\"}");
        String lead = api.create("Lead", "{\"LastName\":\"M\",\"Company\":\"X\"}");
        String member = "{\"attributes\":{\"type\":\"CampaignMember\"},\"Sync_Key__c\":\"prog-1:person-1\","
                + "\"CampaignId\":\"" + campaign + "\",\"LeadId\":\"" + lead + "\"}";
        JsonNode first = api.patch(Api.V + "/composite/sobjects/CampaignMember/Sync_Key__c", records(member)).json();
        assertThat(first.get(0).path("created").asBoolean()).as(first.toString()).isTrue();
        String again = "{\"attributes\":{\"type\":\"CampaignMember\"},\"Sync_Key__c\":\"prog-1:person-1\","
                + "\"Status\":\"Responded\"}";
        JsonNode second = api.patch(Api.V + "/composite/sobjects/CampaignMember/Sync_Key__c", records(again)).json();
        assertThat(second.get(0).path("created").asBoolean()).as(second.toString()).isFalse();
        assertThat(api.query("SELECT Status, HasResponded FROM CampaignMember").json().path("records").get(0)
                .path("HasResponded").asBoolean()).isTrue();
    }

    @Test
    void compositeResolvesReferencesBetweenSubrequests() {
        String body = "{\"allOrNone\":true,\"compositeRequest\":["
                + "{\"method\":\"POST\",\"url\":\"/services/data/v62.0/sobjects/Campaign\",\"referenceId\":\"camp\","
                + "\"body\":{\"Name\":\"Composite\"}},"
                + "{\"method\":\"POST\",\"url\":\"/services/data/v62.0/sobjects/CampaignMemberStatus\",\"referenceId\":"
                + "\"st\",\"body\":{\"CampaignId\":\"@{camp.id}\",\"Label\":\"Attended\",\"HasResponded\":true}},"
                + "{\"method\":\"GET\",\"url\":\"/services/data/v62.0/query?q=SELECT+Label+FROM+CampaignMemberStatus"
                + "+WHERE+CampaignId='@{camp.id}'\",\"referenceId\":\"q\"}]}";
        Api.Response r = api.post(Api.V + "/composite", body);
        assertThat(r.status()).isEqualTo(200);
        JsonNode responses = r.json().path("compositeResponse");
        assertThat(responses.get(0).path("httpStatusCode").asInt()).isEqualTo(201);
        assertThat(responses.get(0).path("httpHeaders").path("Location").asText()).startsWith(Api.V
                + "/sobjects/Campaign/701");
        assertThat(responses.get(1).path("httpStatusCode").asInt()).isEqualTo(201);
        assertThat(responses.get(2).path("body").path("totalSize").asInt()).isEqualTo(3);
    }

    @Test
    void compositeAllOrNoneHaltsAndRollsBackTheOthers() {
        String body = "{\"allOrNone\":true,\"compositeRequest\":["
                + "{\"method\":\"POST\",\"url\":\"/services/data/v62.0/sobjects/Campaign\",\"referenceId\":\"camp\","
                + "\"body\":{\"Name\":\"Rolled back\"}},"
                + "{\"method\":\"POST\",\"url\":\"/services/data/v62.0/sobjects/Lead\",\"referenceId\":\"bad\","
                + "\"body\":{\"LastName\":\"No company\"}},"
                + "{\"method\":\"POST\",\"url\":\"/services/data/v62.0/sobjects/Lead\",\"referenceId\":\"later\","
                + "\"body\":{\"LastName\":\"L\",\"Company\":\"C\"}}]}";
        JsonNode responses = api.post(Api.V + "/composite", body).json().path("compositeResponse");
        assertThat(responses).hasSize(3);
        assertThat(responses.get(0).path("body").get(0).path("errorCode").asText()).isEqualTo("PROCESSING_HALTED");
        assertThat(responses.get(1).path("body").get(0).path("errorCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(responses.get(1).path("httpStatusCode").asInt()).isEqualTo(400);
        assertThat(responses.get(2).path("body").get(0).path("errorCode").asText()).isEqualTo("PROCESSING_HALTED");
        assertThat(api.query("SELECT COUNT() FROM Campaign").json().path("totalSize").asInt()).isZero();
    }

    @Test
    void compositeAcceptsAtMost25Subrequests() {
        StringBuilder body = new StringBuilder("{\"compositeRequest\":[");
        for (int i = 0; i < 26; i++) {
            body.append(i == 0 ? "" : ",").append("{\"method\":\"GET\",\"url\":\"/services/data/v62.0/limits\","
                    + "\"referenceId\":\"r").append(i).append("\"}");
        }
        EmulatorTestBase.assertError(api.post(Api.V + "/composite", body + "]}"), 400, "LIMIT_EXCEEDED");
    }

    @Test
    void compositeCountsAsOneApiCall() {
        long before = emulator.control().apiCallsUsed();
        api.post(Api.V + "/composite", "{\"compositeRequest\":[{\"method\":\"GET\",\"url\":"
                + "\"/services/data/v62.0/limits\",\"referenceId\":\"a\"},{\"method\":\"GET\",\"url\":"
                + "\"/services/data/v62.0/limits\",\"referenceId\":\"b\"}]}");
        assertThat(emulator.control().apiCallsUsed()).isEqualTo(before + 1);
    }

    private JsonNode bulk(String object, String operation, String extra, String csv) {
        String id = api.post(Api.V + "/jobs/ingest", "{\"object\":\"" + object + "\",\"operation\":\"" + operation
                + "\"" + extra + "}").json().path("id").asText();
        api.put(Api.V + "/jobs/ingest/" + id + "/batches", "text/csv", csv);
        api.patch(Api.V + "/jobs/ingest/" + id, "{\"state\":\"UploadComplete\"}");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                api.get(Api.V + "/jobs/ingest/" + id).json().path("state").asText().equals("JobComplete"));
        return api.get(Api.V + "/jobs/ingest/" + id).json();
    }

    @Test
    void bulkUpsertCreatesAndUpdatesByExternalId() {
        JsonNode first = bulk("Lead", "upsert", ",\"externalIdFieldName\":\"Tandem_Id__c\"",
                "Tandem_Id__c,LastName,Company\np-1,One,Acme\np-2,Two,Acme\n");
        assertThat(first.path("numberRecordsFailed").asInt()).isZero();
        JsonNode second = bulk("Lead", "upsert", ",\"externalIdFieldName\":\"Tandem_Id__c\"",
                "Tandem_Id__c,Title\np-1,Boss\n");
        String results = api.get(Api.V + "/jobs/ingest/" + second.path("id").asText() + "/successfulResults").body();
        assertThat(results.split("\n")[1]).contains("\"false\"", "\"p-1\"");
        assertThat(api.query("SELECT Title FROM Lead WHERE Tandem_Id__c = 'p-1'").json().path("records").get(0)
                .path("Title").asText()).isEqualTo("Boss");
        assertThat(api.query("SELECT COUNT() FROM Lead").json().path("totalSize").asInt()).isEqualTo(2);
    }

    @Test
    void bulkColumnsMayReferenceParentsByExternalId() {
        String campaign = api.create("Campaign", "{\"Name\":\"Bulk parents\"}");
        api.create("Lead", "{\"LastName\":\"P\",\"Company\":\"C\",\"Tandem_Id__c\":\"person-9\"}");
        JsonNode job = bulk("CampaignMember", "insert", "", "CampaignId,Lead.Tandem_Id__c,Status\n" + campaign
                + ",person-9,Responded\n" + campaign + ",person-404,Sent\n");
        assertThat(job.path("numberRecordsFailed").asInt()).isEqualTo(1);
        assertThat(api.query("SELECT Lead.Tandem_Id__c, HasResponded FROM CampaignMember").json().path("records")
                .get(0).path("Lead").path("Tandem_Id__c").asText()).isEqualTo("person-9");
    }
}
