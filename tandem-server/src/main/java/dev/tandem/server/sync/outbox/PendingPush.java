package dev.tandem.server.sync.outbox;

import java.util.List;

/**
 * The final desired state of one member after coalescing its outbox rows.
 *
 * @param entryIds the rows this push settles (deleted once Salesforce holds the state)
 * @param attempts how often the push of this member has failed so far
 */
public record PendingPush(MemberKey member, DesiredState desired, List<Long> entryIds, int attempts) {

    public PendingPush {
        entryIds = List.copyOf(entryIds);
    }
}
