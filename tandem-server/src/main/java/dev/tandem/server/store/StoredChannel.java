package dev.tandem.server.store;

import dev.tandem.core.channel.Channel;

import java.util.Map;

/** A channel as stored, with the database id of each status (activities report status ids). */
public record StoredChannel(Channel channel, Map<String, Long> statusIds) {

    public StoredChannel {
        statusIds = Map.copyOf(statusIds);
    }

    /** The id of the named status, or null for a status the channel no longer has. */
    public Long statusId(String statusName) {
        return statusIds.get(statusName);
    }
}
