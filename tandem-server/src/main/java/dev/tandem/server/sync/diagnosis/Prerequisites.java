package dev.tandem.server.sync.diagnosis;

import dev.tandem.salesforce.preflight.Diagnosis;

import java.util.List;

/**
 * Whether campaign sync can work right now (sync on, connection configured, login works, the sync user is a
 * Marketing User); {@code failed} says which prerequisite fails and how to fix it.
 */
public record Prerequisites(List<Diagnosis> failed) {

    public Prerequisites {
        failed = List.copyOf(failed);
    }

    /** True when every prerequisite holds. */
    public boolean ok() {
        return failed.isEmpty();
    }
}
