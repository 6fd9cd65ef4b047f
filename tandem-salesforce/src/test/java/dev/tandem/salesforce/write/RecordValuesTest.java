package dev.tandem.salesforce.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordValuesTest {

    @Test
    void insertRefusesAnIdAndNamesTheRecord() {
        List<Map<String, ?>> records = List.of(Map.of("LastName", "A"), Map.of("Id", "00Q000000000001AAA"));

        assertThatThrownBy(() -> RecordValues.prepare(WriteOperation.INSERT, records, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("record 1: Id must not be set on insert");
    }

    @Test
    void updateNeedsAWellFormedId() {
        assertThatThrownBy(() -> RecordValues.prepare(WriteOperation.UPDATE, List.of(Map.of("Status", "Sent")), null))
                .hasMessage("record 0: Id is required");
        assertThatThrownBy(() -> RecordValues.prepare(WriteOperation.UPDATE,
                List.of(Map.of("Id", "00v' OR 1=1"), Map.of()), null)).hasMessageContaining("record 0, field Id");
    }

    @Test
    void upsertNeedsTheExternalIdValue() {
        assertThatThrownBy(() -> RecordValues.prepare(WriteOperation.UPSERT, List.of(Map.of("Name", "x")),
                "Sync_Key__c")).hasMessageContaining("record 0: external id field Sync_Key__c");
    }

    @Test
    void badFieldNamesAndValueTypesNameTheRecordAndField() {
        assertThatThrownBy(() -> RecordValues.prepare(WriteOperation.INSERT, List.of(Map.of("Bad Name", 1)), null))
                .hasMessageContaining("record 0, field Bad Name");
        assertThatThrownBy(() -> RecordValues.prepare(WriteOperation.INSERT, List.of(Map.of("Name", new Object())),
                null)).hasMessageContaining("record 0, field Name").hasMessageContaining("java.lang.Object");
    }

    @Test
    void datesAndDatetimesAreSentInSalesforceFormatsAndNullsKept() {
        Map<String, Object> r = new HashMap<>();
        r.put("StartDate", LocalDate.of(2026, 3, 1));
        r.put("Due__c", Instant.parse("2026-03-01T10:00:00Z"));
        r.put("Description", null);

        Map<String, Object> out = RecordValues.prepare(WriteOperation.INSERT, List.of(r), null).get(0);

        assertThat(out).containsEntry("StartDate", "2026-03-01").containsEntry("Due__c", "2026-03-01T10:00:00.000Z")
                .containsEntry("Description", null);
    }

    @Test
    void bulkCellsDistinguishExplicitNullFromValues() {
        assertThat(RecordValues.csvCell(null)).isEqualTo("#N/A");
        assertThat(RecordValues.csvCell(new java.math.BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(RecordValues.csvCell(true)).isEqualTo("true");
    }
}
