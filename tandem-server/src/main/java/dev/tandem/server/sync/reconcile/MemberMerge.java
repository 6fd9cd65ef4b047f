package dev.tandem.server.sync.reconcile;

/** What a full reconcile does for one person present on at least one side. */
public sealed interface MemberMerge {

    /** Both sides agree. */
    record InStep() implements MemberMerge {
    }

    /** Salesforce must get the Tandem status (insert when {@code sfStatus} is null, else update). */
    record PushToSalesforce(String tandemStatus, String sfStatus) implements MemberMerge {
    }

    /** Tandem must take the Salesforce status (add when {@code tandemStatus} is null, else change). */
    record PullToTandem(String sfStatus, String tandemStatus) implements MemberMerge {
    }

    /** Salesforce holds a status the program's channel does not have, and Tandem has nothing to replace it. */
    record Unmappable(String sfStatus) implements MemberMerge {
    }
}
