package dev.tandem.server.automation.flow;

/** What one flow step did for one person, with the reason when it was skipped or failed. */
public record StepOutcome(Kind kind, String reason) {

    /** Done, skipped (nothing to do, or a rule said no) or failed (an error). */
    public enum Kind { DONE, SKIPPED, FAILED }

    /** The step did its work. */
    public static StepOutcome done() {
        return new StepOutcome(Kind.DONE, null);
    }

    /** The step did nothing for the person, for this reason. */
    public static StepOutcome skipped(String reason) {
        return new StepOutcome(Kind.SKIPPED, reason);
    }

    /** The step failed for the person, for this reason. */
    public static StepOutcome failed(String reason) {
        return new StepOutcome(Kind.FAILED, reason);
    }
}
