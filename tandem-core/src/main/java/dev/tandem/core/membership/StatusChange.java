package dev.tandem.core.membership;

import dev.tandem.core.channel.Channel;

import java.time.Instant;

/**
 * A request to move one person of one program to a status.
 *
 * @param current         the membership now, or null when the person is not a member
 * @param pullForwardOnly whether Salesforce-originated changes are also held to forward-only
 * @param acquiresPerson  whether the person is new to the database and this program acquires them
 */
public record StatusChange(Channel channel, long programId, long personId, Membership current, String targetStatus,
                           ChangeSource source, boolean pullForwardOnly, boolean acquiresPerson, Instant now) {

    public StatusChange {
        if (channel == null || source == null || now == null) {
            throw new IllegalArgumentException("channel, source and now are required");
        }
        if (current != null && (current.programId() != programId || current.personId() != personId)) {
            throw new IllegalArgumentException("current membership belongs to another program or person");
        }
    }
}
