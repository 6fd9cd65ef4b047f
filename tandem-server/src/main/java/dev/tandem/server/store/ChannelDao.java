package dev.tandem.server.store;

import dev.tandem.core.channel.Channel;
import dev.tandem.core.channel.ProgressionStatus;
import dev.tandem.core.program.ProgramType;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes channels with their progression statuses. */
public final class ChannelDao {

    private record Head(long id, String name, ProgramType type) {
    }

    /** Channels ordered by id, for offset browsing (the table is small by nature). */
    public List<StoredChannel> list(Handle handle, int limit, int offset) {
        List<Head> heads = handle.createQuery(
                        "SELECT id, name, applicable_program_type FROM channels ORDER BY id LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2), ProgramType.valueOf(rs.getString(3))))
                .list();
        return withStatuses(handle, heads);
    }

    /** The channel with exactly this name. */
    public Optional<StoredChannel> byName(Handle handle, String name) {
        return one(handle, "name = :key", name);
    }

    /** The channel with this id. */
    public Optional<StoredChannel> byId(Handle handle, long id) {
        return one(handle, "id = :key", id);
    }

    /** Stores a new channel and its statuses; returns it with its id. */
    public StoredChannel insert(Handle handle, Channel channel, Instant now) {
        long id = handle.createUpdate("INSERT INTO channels (name, applicable_program_type, created_at, updated_at) "
                        + "VALUES (:name, :type, :now, :now)")
                .bind("name", channel.name()).bind("type", channel.applicableProgramType().name()).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        var batch = handle.prepareBatch("INSERT INTO channel_statuses (channel_id, name, step, success, hidden, description) "
                + "VALUES (:channel, :name, :step, :success, :hidden, :description)");
        for (ProgressionStatus status : channel.statuses()) {
            batch.bind("channel", id).bind("name", status.name()).bind("step", status.step())
                    .bind("success", status.success()).bind("hidden", status.hidden())
                    .bind("description", status.description()).add();
        }
        batch.execute();
        return byId(handle, id).orElseThrow();
    }

    private Optional<StoredChannel> one(Handle handle, String where, Object key) {
        List<Head> heads = handle.createQuery("SELECT id, name, applicable_program_type FROM channels WHERE " + where)
                .bind("key", key)
                .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2), ProgramType.valueOf(rs.getString(3))))
                .list();
        return withStatuses(handle, heads).stream().findFirst();
    }

    private List<StoredChannel> withStatuses(Handle handle, List<Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ProgressionStatus>> statuses = new HashMap<>();
        Map<Long, Map<String, Long>> ids = new HashMap<>();
        handle.createQuery("SELECT channel_id, id, name, step, success, hidden, description FROM channel_statuses "
                        + "WHERE channel_id IN (<ids>) ORDER BY channel_id, step, id")
                .bindList("ids", heads.stream().map(Head::id).toList())
                .map((rs, ctx) -> {
                    long channel = rs.getLong(1);
                    ProgressionStatus status = new ProgressionStatus(rs.getString(3), rs.getInt(4),
                            rs.getBoolean(5), rs.getBoolean(6), rs.getString(7));
                    statuses.computeIfAbsent(channel, c -> new ArrayList<>()).add(status);
                    ids.computeIfAbsent(channel, c -> new LinkedHashMap<>()).put(status.name(), rs.getLong(2));
                    return channel;
                })
                .list();
        return heads.stream()
                .map(h -> new StoredChannel(new Channel(h.id(), h.name(), h.type(),
                        statuses.getOrDefault(h.id(), List.of())), ids.getOrDefault(h.id(), Map.of())))
                .toList();
    }
}
