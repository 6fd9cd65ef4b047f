package dev.tandem.emulator.http;

import dev.tandem.emulator.error.ApiException;

/** Decides, record by record, whether a record of a write fails with an injected record-level error. */
@FunctionalInterface
public interface RecordFault {

    /** No record fails. */
    RecordFault NONE = () -> null;

    /** The error for the next record of the write, or null when that record goes through. */
    ApiException next();
}
