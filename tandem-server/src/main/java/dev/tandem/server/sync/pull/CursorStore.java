package dev.tandem.server.sync.pull;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Handle;

/** SQL over {@code sync_cursor}; saved inside the transaction of the changes a cursor position covers. */
public final class CursorStore {

    /** The named cursor, or {@link PullCursor#START} when none was saved. */
    public PullCursor load(Handle handle, String name) {
        return handle.createQuery("SELECT high_water FROM sync_cursor WHERE name = :name").bind("name", name)
                .map((rs, ctx) -> new PullCursor(rs.getObject(1, OffsetDateTime.class).toInstant()))
                .findOne().orElse(PullCursor.START);
    }

    /** Saves the named cursor. */
    public void save(Handle handle, String name, PullCursor cursor, Instant now) {
        int updated = handle.createUpdate("UPDATE sync_cursor SET high_water = :hw, updated_at = :now WHERE name = :name")
                .bind("hw", cursor.highWater()).bind("now", now).bind("name", name).execute();
        if (updated == 0) {
            handle.createUpdate("INSERT INTO sync_cursor (name, high_water, updated_at) VALUES (:name, :hw, :now)")
                    .bind("hw", cursor.highWater()).bind("now", now).bind("name", name).execute();
        }
    }
}
