package dev.tandem.salesforce.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.salesforce.http.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class SaveResultParsingTest {

    @Test
    void failedRecordWithoutIdKeepsItsIndexAndTypedErrors() throws Exception {
        SaveResult r = CollectionsWriter.parse(WriteOperation.INSERT, 7, Json.MAPPER.readTree(
                "{\"success\":false,\"errors\":[{\"statusCode\":\"DUPLICATE_VALUE\",\"message\":\"Already a campaign member.\",\"fields\":[]}]}"));

        assertThat(r.index()).isEqualTo(7);
        assertThat(r.id()).isNull();
        assertThat(r.success()).isFalse();
        assertThat(r.error()).isEqualTo(new RecordError("DUPLICATE_VALUE", "Already a campaign member.",
                List.of()));
        assertThat(r.isRecordGone()).isFalse();
        assertThat(r.isTransientFailure()).isFalse();
    }

    @Test
    void upsertReportsWhetherItCreated() throws Exception {
        SaveResult created = CollectionsWriter.parse(WriteOperation.UPSERT, 0, Json.MAPPER.readTree(
                "{\"id\":\"00v000000000001AAA\",\"success\":true,\"errors\":[],\"created\":true}"));
        SaveResult updated = CollectionsWriter.parse(WriteOperation.UPSERT, 1, Json.MAPPER.readTree(
                "{\"id\":\"00v000000000001AAA\",\"success\":true,\"errors\":[],\"created\":false}"));

        assertThat(created.created()).isTrue();
        assertThat(updated.created()).isFalse();
    }

    @Test
    void deletedRecordIsRecognisedAsGone() throws Exception {
        SaveResult r = CollectionsWriter.parse(WriteOperation.DELETE, 0, Json.MAPPER.readTree(
                "{\"id\":\"00v000000000001AAA\",\"success\":false,\"errors\":[{\"statusCode\":\"ENTITY_IS_DELETED\",\"message\":\"entity is deleted\",\"fields\":[]}]}"));

        assertThat(r.isRecordGone()).isTrue();
    }

    @Test
    void rowLockIsATransientRecordFailure() throws Exception {
        SaveResult r = CollectionsWriter.parse(WriteOperation.UPDATE, 0, Json.MAPPER.readTree(
                "{\"success\":false,\"errors\":[{\"statusCode\":\"UNABLE_TO_LOCK_ROW\",\"message\":\"unable to obtain exclusive access\"}]}"));

        assertThat(r.isTransientFailure()).isTrue();
    }

    @Test
    void allOrNoneFillerIsMarkedAsRollback() {
        assertThat(new RecordError("ALL_OR_NONE_OPERATION_ROLLED_BACK", "", null).isRollback()).isTrue();
    }
}
