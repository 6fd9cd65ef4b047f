package dev.tandem.server.sync.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.person.Person;
import dev.tandem.core.person.SfdcType;
import dev.tandem.salesforce.error.ApiError;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.write.RecordError;
import dev.tandem.salesforce.write.SaveResult;
import dev.tandem.server.sync.push.SalesforceWrite;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Settling a prepared batch's insert: each person created, refused or left undecided for the next attempt. */
class LeadBatchTest {

    private static final Instant AT = Instant.parse("2026-11-29T01:00:00Z");
    private static final LeadOrigin ORIGIN = LeadOrigin.campaignSync();

    private static Person person(long id) {
        return new Person(id, "p" + id + "@example.com", null, "L" + id, "Acme", null, null, null, null, false, null,
                null, AT, AT);
    }

    private static LeadBatch batchOf(long... ids) {
        Map<Long, Person> toInsert = new LinkedHashMap<>();
        Map<Long, LeadFields> fields = new LinkedHashMap<>();
        for (long id : ids) {
            toInsert.put(id, person(id));
            fields.put(id, new LeadFields("p" + id + "@example.com", null, "L" + id, "Acme"));
        }
        return new LeadBatch(ORIGIN, "node/batch", toInsert, fields, Map.of(), Set.of(), Set.of(), null);
    }

    @Test
    void aWriteStoppedPartWayCreatesTheFirstRefusesTheSecondAndLeavesTheRestUndecided() {
        LeadBatch batch = batchOf(1, 2, 3);
        RecordError tooLong = new RecordError("STRING_TOO_LONG", "LastName: too long", List.of("LastName"));
        SalesforceException limit = new SalesforceException(403, new ApiError("REQUEST_LIMIT_EXCEEDED", "limit",
                List.of()));
        SalesforceWrite write = new SalesforceWrite(List.of(new SaveResult(0, "00Q000000000001AAA", true, true, null),
                new SaveResult(1, null, false, false, List.of(tooLong))), limit);

        SettledLeads settled = batch.settle(write, AT);

        assertThat(settled.created()).containsExactly(Map.entry(1L, "00Q000000000001AAA"));
        assertThat(settled.refused()).containsExactly(2L);
        assertThat(settled.results().linked(1)).hasValueSatisfying(p -> {
            assertThat(p.sfdcType()).isEqualTo(SfdcType.LEAD);
            assertThat(p.sfdcId()).isEqualTo("00Q000000000001AAA");
            assertThat(p.updatedAt()).isEqualTo(AT);
        });
        assertThat(settled.results().failure(2)).contains(tooLong);
        assertThat(settled.results().linked(3)).isEmpty();
        assertThat(settled.results().failure(3)).isEmpty();
        assertThat(settled.results().stoppedBy()).isSameAs(limit);
    }

    @Test
    void theRecordsToInsertFollowTheBatchOrderWithTheDefaultedValues() {
        LeadBatch batch = batchOf(7, 3);

        assertThat(batch.records()).extracting(r -> r.get("Email"))
                .containsExactly("p7@example.com", "p3@example.com");
        assertThat(batch.records().get(0)).containsEntry("LastName", "L7").containsEntry("Company", "Acme")
                .doesNotContainKey("OwnerId");
    }
}
