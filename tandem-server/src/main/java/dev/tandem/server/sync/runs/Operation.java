package dev.tandem.server.sync.runs;

/** A step of a sync run, reported with its own counters. */
public enum Operation {
    PUSH_LEADS("push-leads"),
    PUSH_STATUSES("push-statuses"),
    PUSH_MEMBERS("push-members"),
    PULL_MEMBERS("pull-members"),
    /** The full read of a watched campaign (one linked to no program that a smart campaign names). */
    READ_WATCHED("read-watched"),
    RECONCILE("reconcile");

    private final String label;

    Operation(String label) {
        this.label = label;
    }

    /** The name used in reports and the API. */
    public String label() {
        return label;
    }

    /** The operation with this label. */
    public static Operation byLabel(String label) {
        for (Operation op : values()) {
            if (op.label.equals(label)) {
                return op;
            }
        }
        throw new IllegalArgumentException("operation: unknown '" + label + "'");
    }
}
