package dev.tandem.emulator.rest;

import dev.tandem.emulator.ids.IdGenerator;
import dev.tandem.emulator.soql.Ast;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open query cursors. A cursor snapshots the matching ids when the query first runs, so later pages are consistent
 * with the first; locators are "0r8…-offset" and expire two days after creation, as Salesforce's do.
 */
public final class QueryCursors {
    private static final Duration TTL = Duration.ofDays(2);
    /**
     * Bounded so that a long-running emulator does not keep every snapshot it ever made; the least recently used
     * cursor goes first. Far more than a sync engine keeps open at once.
     */
    private static final int MAX_OPEN = 200;

    /** A cursor: the query, the snapshot of ids, whether deleted rows count, and when it was opened. */
    public record Cursor(Ast.Query query, List<String> ids, boolean includeDeleted, Instant openedAt) {
    }

    private final AtomicLong counter = new AtomicLong(1_000_000_000L);
    private final Map<String, Cursor> open = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cursor> eldest) {
            return size() > MAX_OPEN;
        }
    };

    public synchronized String open(Cursor c) {
        String id = IdGenerator.forCounter("0r8", counter.incrementAndGet());
        open.put(id, c);
        return id;
    }

    /** The live cursor for an id, or null when unknown or expired. */
    public synchronized Cursor get(String id, Instant now) {
        Cursor c = open.get(id);
        if (c != null && c.openedAt().plus(TTL).isBefore(now)) {
            open.remove(id);
            return null;
        }
        return c;
    }

    public synchronized void clear() {
        open.clear();
    }
}
