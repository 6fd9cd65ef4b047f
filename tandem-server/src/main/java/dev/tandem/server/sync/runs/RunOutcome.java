package dev.tandem.server.sync.runs;

/** How a run ended. */
public enum RunOutcome {
    /** Still running (or its node died before it could finish). */
    RUNNING,
    /** Every step ran; failed records, if any, are listed as errors. */
    COMPLETED,
    /** Salesforce's request limit or Tandem's API budget stopped the run; pending work waits for the next one. */
    STOPPED_BY_LIMIT,
    /** Campaign sync is switched off or no connection is configured: nothing was exchanged. */
    SKIPPED_DISABLED,
    /** Another node (or thread) is running the same work right now. */
    SKIPPED_BUSY,
    /** The run hit an error that is not about one record (e.g. Salesforce unreachable); nothing is lost. */
    FAILED
}
