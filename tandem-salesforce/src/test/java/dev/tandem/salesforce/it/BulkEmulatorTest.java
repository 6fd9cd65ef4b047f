package dev.tandem.salesforce.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.emulator.FaultRule;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.bulk.BulkOperation;
import dev.tandem.salesforce.bulk.BulkQueryStats;
import dev.tandem.salesforce.bulk.BulkResult;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.salesforce.write.PartialWriteException;
import dev.tandem.salesforce.write.SaveResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BulkEmulatorTest extends EmulatorTestBase {

    @Test
    void bulkInsertReturnsIdsMatchedToInputIndexes() {
        SalesforceClient client = client();
        List<Map<String, Object>> records = new ArrayList<>(leads(2_500, "Bulk"));
        records.get(1_234).remove("LastName");

        BulkResult result = client.bulkIngest(BulkOperation.INSERT, "Lead", records);

        assertThat(result.jobIds()).hasSize(1);
        assertThat(result.results()).hasSize(2_500);
        assertThat(result.failedCount()).isEqualTo(1);
        SaveResult failed = result.results().get(1_234);
        assertThat(failed.success()).isFalse();
        assertThat(failed.error().statusCode()).isEqualTo("REQUIRED_FIELD_MISSING");
        SaveResult ok = result.results().get(7);
        assertThat(ok.success()).isTrue();
        assertThat(ok.created()).isTrue();
        SObject stored = client.stream(Soql.select("Id", "LastName").from("Lead").where(Cond.eq("Id", ok.id()))
                .build()).findFirst().orElseThrow();
        assertThat(stored.getString("LastName")).isEqualTo("Bulk7");
    }

    @Test
    void bulkIngestUsesTheSameNumberOfCallsWhateverTheRecordCount() {
        SalesforceClient client = client();
        client.userId();

        client.bulkIngest(BulkOperation.INSERT, "Lead", leads(10, "Few"));
        assertJobCalls(1, 1, 1, 1);
        control.clearRequests();
        client.bulkIngest(BulkOperation.INSERT, "Lead", leads(3_000, "Many"));

        assertJobCalls(1, 1, 1, 1);
    }

    /** Job calls apart from status polls, whose number depends only on processing time. */
    private static void assertJobCalls(long create, long upload, long close, long successfulResults) {
        assertRequests("POST", ".*/jobs/ingest", create);
        assertRequests("PUT", ".*/jobs/ingest/[^/]+/batches", upload);
        assertRequests("PATCH", ".*/jobs/ingest/[^/]+", close);
        assertRequests("GET", ".*/jobs/ingest/[^/]+/successfulResults", successfulResults);
        assertRequests("GET", ".*/jobs/ingest/[^/]+/(failedResults|unprocessedrecords)", 0);
    }

    @Test
    void aLimitHitWhileTheJobRunsNamesTheJobThatMayStillComplete() {
        SalesforceClient client = client();
        control.addFault(new FaultRule("REQUEST_LIMIT_EXCEEDED", 403, "GET",
                "/jobs/ingest/[^/]+$", 0, -1, 0, null));

        assertThatThrownBy(() -> client.bulkIngest(BulkOperation.INSERT, "Lead",
                leads(5, "Pending"))).isInstanceOfSatisfying(PartialWriteException.class,
                e -> {
                    assertThat(e.isLimit()).isTrue();
                    assertThat(e.pendingBulkJobId()).startsWith("750");
                    assertThat(e.completed()).isEmpty();
                });
    }

    @Test
    void aFailureBeforeUploadCompleteLeavesNoPendingJob() {
        SalesforceClient client = client();
        control.addFault(FaultRule.once("REQUEST_LIMIT_EXCEEDED", 403, "PUT", "/batches"));

        assertThatThrownBy(() -> client.bulkIngest(BulkOperation.INSERT, "Lead",
                leads(5, "Open"))).isInstanceOfSatisfying(PartialWriteException.class,
                e -> assertThat(e.pendingBulkJobId()).isNull());
    }

    @Test
    void bulkUpdateAndDeleteWork() {
        SalesforceClient client = client();
        BulkResult inserted = client.bulkIngest(BulkOperation.INSERT, "Lead", leads(30, "Life"));
        List<Map<String, Object>> updates = new ArrayList<>();
        List<Map<String, Object>> deletes = new ArrayList<>();
        for (SaveResult r : inserted.results()) {
            updates.add(Map.of("Id", r.id(), "Company", "Updated"));
            deletes.add(Map.of("Id", r.id()));
        }

        BulkResult updated = client.bulkIngest(BulkOperation.UPDATE, "Lead", updates);
        long renamed = client.count(Soql.selectCount().from("Lead").where(Cond.eq("Company", "Updated")).build());
        BulkResult deleted = client.bulkIngest(BulkOperation.DELETE, "Lead", deletes);

        assertThat(updated.results()).allMatch(SaveResult::success);
        assertThat(renamed).isEqualTo(30);
        assertThat(deleted.results()).allMatch(SaveResult::success);
        assertThat(client.count(Soql.selectCount().from("Lead").where(Cond.startsWith("LastName", "Life")).build()))
                .isZero();
    }

    @Test
    void bulkQueryFollowsTheLocatorAcrossResultPages() {
        SalesforceClient client = client();
        client.bulkIngest(BulkOperation.INSERT, "Lead", leads(2_500, "BQ"));
        control.clearRequests();
        List<Integer> pageSizes = new ArrayList<>();
        Set<String> ids = new HashSet<>();

        BulkQueryStats stats = client.bulkQuery(Soql.select("Id", "LastName", "Email").from("Lead")
                .where(Cond.startsWith("LastName", "BQ")).build(), false, 1_000, page -> {
                    pageSizes.add(page.size());
                    page.forEach(r -> ids.add(r.id()));
                });

        assertThat(pageSizes).containsExactly(1_000, 1_000, 500);
        assertThat(ids).hasSize(2_500);
        assertThat(stats.pages()).isEqualTo(3);
        assertThat(stats.records()).isEqualTo(2_500);
        assertRequests("GET", ".*/jobs/query/[^/]+/results", 3);
    }
}
