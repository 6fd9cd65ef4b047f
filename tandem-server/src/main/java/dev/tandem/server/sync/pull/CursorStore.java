package dev.tandem.server.sync.pull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Handle;

/** SQL over {@code sync_cursor}; saved inside the transaction of the changes a cursor position covers. */
public final class CursorStore {

    /** The named cursor, or {@link PullCursor#START} when none was saved. */
    public PullCursor load(Handle handle, String name) {
        return handle.createQuery("SELECT high_water, advanced_at, window_read_at FROM sync_cursor WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> new PullCursor(instant(rs, "high_water"), instant(rs, "advanced_at"),
                        instant(rs, "window_read_at")))
                .findOne().orElse(PullCursor.START);
    }

    /** Saves the named cursor. */
    public void save(Handle handle, String name, PullCursor cursor, Instant now) {
        int updated = handle.createUpdate("UPDATE sync_cursor SET high_water = :hw, advanced_at = :advanced, "
                        + "window_read_at = :windowRead, updated_at = :now WHERE name = :name")
                .bind("hw", cursor.highWater()).bind("advanced", cursor.advancedAt())
                .bind("windowRead", cursor.windowReadAt()).bind("now", now).bind("name", name).execute();
        if (updated == 0) {
            handle.createUpdate("INSERT INTO sync_cursor (name, high_water, advanced_at, window_read_at, updated_at) "
                            + "VALUES (:name, :hw, :advanced, :windowRead, :now)")
                    .bind("hw", cursor.highWater()).bind("advanced", cursor.advancedAt())
                    .bind("windowRead", cursor.windowReadAt()).bind("now", now).bind("name", name).execute();
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
