package dev.tandem.emulator.org;

import dev.tandem.emulator.store.SRecord;
import java.util.Map;

/** Object-specific rules run around generic writes; each hook may throw an ApiException to refuse the write. */
interface Trigger {
    /** Adjusts or checks the full value map of a record about to be inserted. */
    default void beforeInsert(WriteContext ctx, Map<String, Object> values) {
    }

    /** Adjusts or checks the changes to an existing record; {@code merged} is old values plus changes. */
    default void beforeUpdate(WriteContext ctx, SRecord old, Map<String, Object> changes, Map<String, Object> merged) {
    }

    default void afterInsert(WriteContext ctx, SRecord inserted) {
    }

    default void afterUpdate(WriteContext ctx, SRecord old, SRecord updated) {
    }

    /** Checks a delete; {@code cascade} is true when a parent's deletion drives it. */
    default void beforeDelete(WriteContext ctx, SRecord record, boolean cascade) {
    }

    default void afterDelete(WriteContext ctx, SRecord deleted) {
    }
}
