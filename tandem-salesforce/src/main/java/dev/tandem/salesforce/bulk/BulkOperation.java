package dev.tandem.salesforce.bulk;

import dev.tandem.salesforce.write.WriteOperation;

/** Bulk API 2.0 ingest operations with their wire names. */
public enum BulkOperation {
    INSERT("insert"), UPDATE("update"), UPSERT("upsert"), DELETE("delete"), HARD_DELETE("hardDelete");

    private final String wire;

    BulkOperation(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The bulk operation for a general write operation. */
    public static BulkOperation of(WriteOperation op) {
        return switch (op) {
            case INSERT -> INSERT;
            case UPDATE -> UPDATE;
            case UPSERT -> UPSERT;
            case DELETE -> DELETE;
        };
    }

    WriteOperation asWrite() {
        return switch (this) {
            case INSERT -> WriteOperation.INSERT;
            case UPDATE -> WriteOperation.UPDATE;
            case UPSERT -> WriteOperation.UPSERT;
            case DELETE, HARD_DELETE -> WriteOperation.DELETE;
        };
    }
}
