package dev.tandem.core.channel;

/** One step of a channel's progression; a higher step is further along, equal steps are lateral. */
public record ProgressionStatus(String name, int step, boolean success, boolean hidden, String description) {

    public ProgressionStatus {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("status name: must not be blank");
        }
        if (step < 0) {
            throw new IllegalArgumentException("status '" + name + "' step: must be 0 or more, was " + step);
        }
    }

    /** A visible status without description. */
    public static ProgressionStatus of(String name, int step, boolean success) {
        return new ProgressionStatus(name, step, success, false, null);
    }

    /** True for the step-0 pseudo-status that means "not a member". */
    public boolean isNotInProgram() {
        return Channel.NOT_IN_PROGRAM.equals(name);
    }
}
