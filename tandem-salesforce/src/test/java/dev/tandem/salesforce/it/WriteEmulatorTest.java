package dev.tandem.salesforce.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.salesforce.write.CompositeRequest;
import dev.tandem.salesforce.write.CompositeResult;
import dev.tandem.salesforce.write.RecordError;
import dev.tandem.salesforce.write.SaveResult;
import dev.tandem.salesforce.write.WriteOperation;
import dev.tandem.salesforce.write.WriteResults;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WriteEmulatorTest extends EmulatorTestBase {

    @Test
    void fourHundredAndOneRecordsTakeExactlyThreeCollectionsCalls() {
        SalesforceClient client = client();
        client.userId();
        control.clearRequests();

        List<SaveResult> results = client.create("Lead", leads(401, "Chunk"));

        assertRequests("POST", ".*/composite/sobjects", 3);
        assertThat(results).hasSize(401).allMatch(SaveResult::success).allMatch(SaveResult::created);
        assertThat(results).extracting(SaveResult::index).containsExactlyElementsOf(
                IntStream.range(0, 401).boxed().toList());
        assertThat(results.stream().map(SaveResult::id).distinct().count()).isEqualTo(401);
    }

    @Test
    void updatesAndDeletesAreChunkedAtTwoHundredToo() {
        SalesforceClient client = client();
        List<String> ids = client.create("Lead", leads(401, "Chunk")).stream().map(SaveResult::id).toList();
        control.clearRequests();

        List<SaveResult> updated = client.update("Lead", ids.stream()
                .map(id -> Map.<String, Object>of("Id", id, "Company", "Chunked")).toList());
        List<SaveResult> deleted = client.delete(ids);

        assertThat(updated).hasSize(401).allMatch(SaveResult::success);
        assertThat(deleted).hasSize(401).allMatch(SaveResult::success);
        assertThat(deleted).extracting(SaveResult::id).containsExactlyElementsOf(ids);
        assertRequests("PATCH", ".*/composite/sobjects", 3);
        assertRequests("DELETE", ".*/composite/sobjects", 3);
    }

    @Test
    void exactlyTwoHundredRecordsTakeOneCall() {
        SalesforceClient client = client();
        client.userId();
        control.clearRequests();

        client.create("Lead", leads(200, "Two"));

        assertRequests("POST", ".*/composite/sobjects", 1);
    }

    @Test
    void perRecordFailuresAreMatchedByIndexAndTyped() {
        SalesforceClient client = client();
        List<Map<String, Object>> records = new ArrayList<>(leads(3, "Mixed"));
        records.get(1).remove("LastName");

        List<SaveResult> results = client.create("Lead", records);

        assertThat(results.get(0).success()).isTrue();
        assertThat(results.get(2).success()).isTrue();
        SaveResult failed = results.get(1);
        assertThat(failed.success()).isFalse();
        assertThat(failed.index()).isEqualTo(1);
        assertThat(failed.error().statusCode()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(failed.error().fields()).contains("LastName");
    }

    @Test
    void duplicateCampaignMemberIsRejectedWithDuplicateValue() {
        SalesforceClient client = client();
        String campaignId = client.create("Campaign", List.of(Map.of("Name", "Dup"))).get(0).id();
        String leadId = client.create("Lead", leads(1, "Dup")).get(0).id();
        Map<String, Object> member = Map.of("CampaignId", campaignId, "LeadId", leadId, "Status", "Sent");
        assertThat(client.create("CampaignMember", List.of(member)).get(0).success()).isTrue();

        SaveResult again = client.create("CampaignMember", List.of(member)).get(0);

        assertThat(again.success()).isFalse();
        assertThat(again.error().statusCode()).isEqualTo("DUPLICATE_VALUE");
    }

    @Test
    void updateChangesOnlyTheSentFields() {
        SalesforceClient client = client();
        String id = client.create("Lead", leads(1, "Upd")).get(0).id();

        List<SaveResult> results = client.update("Lead", List.of(Map.of("Id", id, "Company", "Globex")));

        assertThat(results.get(0).success()).isTrue();
        assertThat(results.get(0).created()).isFalse();
        SObject lead = client.stream(Soql.select("Id", "LastName", "Company").from("Lead")
                .where(Cond.eq("Id", id)).build()).findFirst().orElseThrow();
        assertThat(lead.getString("Company")).isEqualTo("Globex");
        assertThat(lead.getString("LastName")).isEqualTo("Upd0");
    }

    @Test
    void upsertInsertsUnknownKeysAndUpdatesKnownOnes() {
        SalesforceClient client = client();
        client.upsert("Lead", SYNC_KEY, List.of(Map.of(SYNC_KEY, "p1:a", "LastName", "First", "Company", "Acme")));

        List<SaveResult> results = client.upsert("Lead", SYNC_KEY, List.of(
                Map.of(SYNC_KEY, "p1:a", "LastName", "Renamed", "Company", "Acme"),
                Map.of(SYNC_KEY, "p1:b", "LastName", "Second", "Company", "Acme")));

        assertThat(results).allMatch(SaveResult::success);
        assertThat(results).extracting(SaveResult::created).containsExactly(false, true);
        assertThat(client.stream(Soql.select("LastName").from("Lead").where(Cond.eq(SYNC_KEY, "p1:a")).build())
                .map(r -> r.getString("LastName"))).containsExactly("Renamed");
    }

    @Test
    void bulkUpsertThroughWriteMatchesByExternalId() {
        SalesforceClient client = client(config().bulkThreshold(10).build());
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            records.add(Map.of(SYNC_KEY, "k" + i, "LastName", "Up" + i, "Company", "Acme"));
        }

        WriteResults first = client.write(WriteOperation.UPSERT, "Lead", SYNC_KEY, records);
        WriteResults second = client.write(WriteOperation.UPSERT, "Lead", SYNC_KEY, records);

        assertThat(first.route()).isEqualTo(WriteResults.Route.BULK);
        assertThat(first.results()).allMatch(r -> r.success() && r.created());
        assertThat(second.results()).allMatch(r -> r.success() && !r.created());
        assertThat(second.results().get(3).id()).isEqualTo(first.results().get(3).id());
    }

    @Test
    void deletingTwiceReportsTheRecordAsGone() {
        SalesforceClient client = client();
        String id = client.create("Lead", leads(1, "Del")).get(0).id();
        assertThat(client.delete(List.of(id)).get(0).success()).isTrue();

        SaveResult again = client.delete(List.of(id)).get(0);

        assertThat(again.success()).isFalse();
        assertThat(again.error().statusCode()).isEqualTo("ENTITY_IS_DELETED");
        assertThat(again.isRecordGone()).isTrue();
    }

    @Test
    void invalidInputIsRefusedBeforeAnythingIsSent() {
        SalesforceClient client = client();
        client.userId();
        control.clearRequests();
        List<Map<String, Object>> records = new ArrayList<>(leads(300, "Bad"));
        records.get(250).put("Id", "00Q000000000001AAA");

        assertThatThrownBy(() -> client.create("Lead", records)).hasMessageContaining("record 250");
        assertRequests("POST", ".*/composite/sobjects", 0);
    }

    @Test
    void compositeCreatesACampaignAndAStatusReferencingIt() {
        SalesforceClient client = client();

        CompositeResult result = client.composite(List.of(
                CompositeRequest.create("camp", "Campaign", Map.of("Name", "Atomic")),
                CompositeRequest.create("st", "CampaignMemberStatus", Map.of("CampaignId", "@{camp.id}",
                        "Label", "Attended", "HasResponded", true, "SortOrder", 3))), true);

        assertThat(result.allSucceeded()).isTrue();
        String campaignId = result.get("camp").id();
        assertThat(client.stream(Soql.select("Label").from("CampaignMemberStatus")
                .where(Cond.eq("CampaignId", campaignId)).build()).map(r -> r.getString("Label")))
                .contains("Attended");
    }

    @Test
    void compositeAllOrNoneRollsBackEverythingWhenOneSubrequestFails() {
        SalesforceClient client = client();

        CompositeResult result = client.composite(List.of(
                CompositeRequest.create("camp", "Campaign", Map.of("Name", "Rolled back")),
                CompositeRequest.create("bad", "Lead", Map.of("Company", "No last name"))), true);

        assertThat(result.allSucceeded()).isFalse();
        assertThat(result.get("bad").errors()).extracting(e -> e.errorCode()).contains("REQUIRED_FIELD_MISSING");
        assertThat(result.get("camp").errors()).extracting(e -> e.errorCode()).containsExactly("PROCESSING_HALTED");
        assertThat(client.count(Soql.selectCount().from("Campaign").where(Cond.eq("Name", "Rolled back")).build()))
                .isZero();
    }

    @Test
    void writePicksCollectionsAtOrBelowTheThresholdAndBulkAbove() {
        SalesforceClient client = client(config().bulkThreshold(50).build());

        WriteResults small = client.write(WriteOperation.INSERT, "Lead", leads(50, "Small"));
        WriteResults large = client.write(WriteOperation.INSERT, "Lead", leads(51, "Large"));

        assertThat(small.route()).isEqualTo(WriteResults.Route.COLLECTIONS);
        assertThat(large.route()).isEqualTo(WriteResults.Route.BULK);
        assertThat(large.bulkJobIds()).hasSize(1);
        assertThat(small.successCount()).isEqualTo(50);
        assertThat(large.successCount()).isEqualTo(51);
    }

    @Test
    void writeDeleteTakesRecordsWithIds() {
        SalesforceClient client = client();
        List<SaveResult> created = client.create("Lead", leads(3, "WDel"));
        List<Map<String, Object>> byId = new ArrayList<>();
        created.forEach(r -> {
            Map<String, Object> m = new HashMap<>();
            m.put("Id", r.id());
            byId.add(m);
        });

        WriteResults deleted = client.write(WriteOperation.DELETE, "Lead", byId);

        assertThat(deleted.results()).allMatch(SaveResult::success);
        assertThat(client.count(Soql.selectCount().from("Lead").where(Cond.startsWith("LastName", "WDel")).build()))
                .isZero();
    }

    @Test
    void recordErrorExposesStatusCodeMessageAndFields() {
        SalesforceClient client = client();

        RecordError error = client.create("Campaign", List.of(Map.of("Description", "no name"))).get(0).error();

        assertThat(error.statusCode()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(error.message()).isNotBlank();
        assertThat(error.fields()).containsExactly("Name");
    }
}
