package dev.tandem.salesforce.write;

import java.util.List;

/**
 * The outcome of writing one record, matched to the input by {@code index} (failed records may carry no id).
 *
 * @param created true when the write inserted the record (create, or an upsert that found no match)
 */
public record SaveResult(int index, String id, boolean success, boolean created, List<RecordError> errors) {
    public SaveResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The first error, or null when the write succeeded. */
    public RecordError error() {
        return errors.isEmpty() ? null : errors.get(0);
    }

    /** True when the record failed because it no longer exists in Salesforce. */
    public boolean isRecordGone() {
        return !success && errors.stream().anyMatch(RecordError::isRecordGone);
    }

    /** True when every error is transient, so the record is worth sending again later. */
    public boolean isTransientFailure() {
        return !success && !errors.isEmpty() && errors.stream().allMatch(RecordError::isTransient);
    }
}
