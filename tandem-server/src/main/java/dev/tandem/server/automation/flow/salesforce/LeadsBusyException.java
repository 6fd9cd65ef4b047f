package dev.tandem.server.automation.flow.salesforce;

/**
 * Another creator (the sync's pusher, another node) kept making some people's Leads for longer than a flow step
 * waits. The step's group is left to the executor's retry (its lease lapses), which then finds the people linked.
 */
final class LeadsBusyException extends IllegalStateException {

    LeadsBusyException(int people) {
        super(people + " Leads are still being created by another creator; the step is retried later");
    }
}
