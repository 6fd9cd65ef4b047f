package dev.tandem.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bulk API 2.0 ingest and query jobs over the wire. */
class BulkTest extends EmulatorTestBase {
    static final String JOBS = Api.V + "/jobs";

    private JsonNode runIngest(String object, String operation, String csv, String extra) {
        JsonNode job = api.post(JOBS + "/ingest", "{\"object\":\"" + object + "\",\"operation\":\"" + operation + "\""
                + extra + "}").json();
        assertThat(job.path("state").asText()).isEqualTo("Open");
        assertThat(job.path("id").asText()).startsWith("750");
        String id = job.path("id").asText();
        assertThat(api.put(JOBS + "/ingest/" + id + "/batches", "text/csv", csv).status()).isEqualTo(201);
        assertThat(api.patch(JOBS + "/ingest/" + id, "{\"state\":\"UploadComplete\"}").json().path("state").asText())
                .isEqualTo("UploadComplete");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(JOBS + "/ingest/" + id).json().path("state")
                .asText().equals("JobComplete"));
        return api.get(JOBS + "/ingest/" + id).json();
    }

    @Test
    void ingestInsertReportsSuccessfulAndFailedRowsAsCsv() {
        JsonNode job = runIngest("Lead", "insert", "LastName,Company,Email\nAda,Acme,ada@example.com\nNoCo,,\n"
                + "Bob,Acme,#N/A\n", "");
        assertThat(job.path("numberRecordsProcessed").asInt()).isEqualTo(3);
        assertThat(job.path("numberRecordsFailed").asInt()).isEqualTo(1);
        assertThat(job.path("jobType").asText()).isEqualTo("V2Ingest");
        String id = job.path("id").asText();
        Api.Response ok = api.get(JOBS + "/ingest/" + id + "/successfulResults");
        assertThat(ok.contentType()).startsWith("text/csv");
        String[] lines = ok.body().split("\n");
        assertThat(lines[0]).isEqualTo("\"sf__Id\",\"sf__Created\",\"LastName\",\"Company\",\"Email\"");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).as("an inserted row is created").startsWith("\"00Q").contains("\"true\"", "\"Ada\"");
        String failed = api.get(JOBS + "/ingest/" + id + "/failedResults").body();
        assertThat(failed.split("\n")[0]).isEqualTo("\"sf__Id\",\"sf__Error\",\"LastName\",\"Company\",\"Email\"");
        assertThat(failed.split("\n")[1]).startsWith("\"\",\"REQUIRED_FIELD_MISSING:Required fields are missing:"
                + " [Company]:Company --\"");
        assertThat(api.get(JOBS + "/ingest/" + id + "/unprocessedrecords").body().trim())
                .isEqualTo("\"LastName\",\"Company\",\"Email\"");
    }

    @Test
    void ingestUpdateAndDeleteUseTheIdColumn() {
        String lead = lead("Old");
        JsonNode update = runIngest("Lead", "update", "Id,Title\n" + lead + ",Boss\n", "");
        assertThat(api.get(Api.V + "/sobjects/Lead/" + lead).json().path("Title").asText()).isEqualTo("Boss");
        assertThat(api.get(JOBS + "/ingest/" + update.path("id").asText() + "/successfulResults").body()
                .split("\n")[1]).as("an updated row is not created").startsWith("\"" + lead + "\",\"false\"");
        runIngest("Lead", "delete", "Id\n" + lead + "\n", "");
        assertThat(api.get(Api.V + "/sobjects/Lead/" + lead).status()).isEqualTo(404);
    }

    @Test
    void ingestOfCampaignMembersAppliesTheSameRules() {
        String c = campaign("Bulk members");
        String l1 = lead("One");
        String l2 = lead("Two");
        JsonNode job = runIngest("CampaignMember", "insert", "CampaignId,LeadId,Status\n" + c + "," + l1
                + ",Responded\n" + c + "," + l2 + ",Unknown\n" + c + "," + l1 + ",Sent\n", "");
        assertThat(job.path("numberRecordsFailed").asInt()).isEqualTo(2);
        String failed = api.get(JOBS + "/ingest/" + job.path("id").asText() + "/failedResults").body();
        assertThat(failed).contains("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST").contains("DUPLICATE_VALUE:Already a"
                + " campaign member.:--");
    }

    @Test
    void ingestWithAnUnknownColumnFailsTheJob() {
        JsonNode job = api.post(JOBS + "/ingest", "{\"object\":\"Lead\",\"operation\":\"insert\"}").json();
        String id = job.path("id").asText();
        api.put(JOBS + "/ingest/" + id + "/batches", "text/csv", "LastName,Nope__c\nA,B\n");
        api.patch(JOBS + "/ingest/" + id, "{\"state\":\"UploadComplete\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(JOBS + "/ingest/" + id).json().path("state")
                .asText().equals("Failed"));
        assertThat(api.get(JOBS + "/ingest/" + id).json().path("errorMessage").asText()).contains("Nope__c");
    }

    @Test
    void invalidIngestJobsAreRejected() {
        assertError(api.post(JOBS + "/ingest", "{\"object\":\"Lead\",\"operation\":\"merge\"}"), 400, "INVALIDJOB");
        assertError(api.post(JOBS + "/ingest", "{\"object\":\"Lead\",\"operation\":\"upsert\"}"), 400, "INVALIDJOB");
        assertError(api.post(JOBS + "/ingest", "{\"object\":\"Nope\",\"operation\":\"insert\"}"), 400, "NOT_FOUND");
        assertError(api.get(JOBS + "/ingest/7505g0000000001AAA"), 404, "NOT_FOUND");
    }

    @Test
    void queryJobPagesWithSforceLocatorEndingInNull() {
        for (int i = 0; i < 5; i++) {
            lead("Q" + i);
        }
        JsonNode job = api.post(JOBS + "/query", "{\"operation\":\"query\",\"query\":\"SELECT Id, LastName, Owner.Username"
                + " FROM Lead ORDER BY LastName\"}").json();
        String id = job.path("id").asText();
        assertThat(job.path("jobType").asText()).isEqualTo("V2Query");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(JOBS + "/query/" + id).json().path("state").asText()
                .equals("JobComplete"));
        Api.Response first = api.get(JOBS + "/query/" + id + "/results?maxRecords=3");
        assertThat(first.header("Sforce-NumberOfRecords")).isEqualTo("3");
        String locator = first.header("Sforce-Locator");
        assertThat(locator).isNotEqualTo("null");
        assertThat(first.body().split("\n")[0]).isEqualTo("\"Id\",\"LastName\",\"Owner.Username\"");
        assertThat(first.body().split("\n")[1]).contains("\"Q0\"", "\"integration@tandem.dev\"");
        Api.Response rest = api.get(JOBS + "/query/" + id + "/results?maxRecords=3&locator=" + locator);
        assertThat(rest.header("Sforce-NumberOfRecords")).isEqualTo("2");
        assertThat(rest.header("Sforce-Locator")).isEqualTo("null");
        Api.Response all = api.get(JOBS + "/query/" + id + "/results");
        assertThat(all.header("Sforce-NumberOfRecords")).isEqualTo("5");
        assertThat(all.header("Sforce-Locator")).isEqualTo("null");
    }

    @Test
    void queryJobsRejectAggregatesAndBadSoql() {
        assertError(api.post(JOBS + "/query", "{\"query\":\"SELECT COUNT() FROM Lead\"}"), 400, "FeatureNotEnabled");
        assertError(api.post(JOBS + "/query", "{\"query\":\"SELECT Nope FROM Lead\"}"), 400, "INVALID_FIELD");
    }

    @Test
    void bulkCallsAreCountedAndSessionChecked() {
        long before = emulator.control().apiCallsUsed();
        api.get(JOBS + "/ingest");
        assertThat(emulator.control().apiCallsUsed()).isEqualTo(before + 1);
        emulator.control().expireSessions();
        assertError(api.get(JOBS + "/ingest"), 401, "INVALID_SESSION_ID");
    }
}
