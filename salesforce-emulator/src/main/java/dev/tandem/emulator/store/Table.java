package dev.tandem.emulator.store;

import dev.tandem.emulator.schema.FieldDef;
import dev.tandem.emulator.schema.ObjectDef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * All rows of one object, in creation order, with indexes on SystemModstamp, on deletion time and on every unique or
 * external-id field, plus any object-specific indexes. Writes cost O(log n); nothing scans the table per write.
 */
public final class Table {
    private final ObjectDef def;
    private final LinkedHashMap<String, SRecord> rows = new LinkedHashMap<>();
    private final TreeMap<Instant, LinkedHashSet<String>> byModstamp = new TreeMap<>();
    private final TreeMap<Instant, LinkedHashSet<String>> deletedByDate = new TreeMap<>();
    private final Map<String, Map<String, Set<String>>> keyIndexes = new LinkedHashMap<>();
    private final List<RecordIndex> extraIndexes = new ArrayList<>();

    public Table(ObjectDef def) {
        this.def = def;
        for (FieldDef f : def.fields()) {
            if (f.externalId() || f.unique()) {
                keyIndexes.put(f.name(), new java.util.HashMap<>());
            }
        }
    }

    public ObjectDef def() {
        return def;
    }

    public void addIndex(RecordIndex index) {
        extraIndexes.add(index);
    }

    public SRecord get(String id18) {
        return rows.get(id18);
    }

    public int size() {
        return rows.size();
    }

    /** Every row, deleted ones included, in creation order. */
    public Collection<SRecord> all() {
        return Collections.unmodifiableCollection(rows.values());
    }

    /** Inserts or replaces a row, registering the inverse with the transaction. */
    public void put(Tx tx, SRecord record) {
        SRecord old = rows.get(record.id());
        putRaw(record);
        if (old == null) {
            tx.onUndo(() -> removeRaw(record.id()));
        } else {
            tx.onUndo(() -> putRaw(old));
        }
    }

    private void putRaw(SRecord record) {
        SRecord old = rows.put(record.id(), record);
        if (old != null) {
            unindex(old);
        }
        index(record);
    }

    private void removeRaw(String id) {
        SRecord old = rows.remove(id);
        if (old != null) {
            unindex(old);
        }
    }

    private void index(SRecord r) {
        Map<Instant, LinkedHashSet<String>> time = r.isDeleted() ? deletedByDate : byModstamp;
        time.computeIfAbsent(r.systemModstamp(), k -> new LinkedHashSet<>()).add(r.id());
        if (!r.isDeleted()) {
            keyIndexes.forEach((field, idx) -> {
                String key = keyOf(r.get(field));
                if (key != null) {
                    idx.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(r.id());
                }
            });
        }
        for (RecordIndex i : extraIndexes) {
            i.add(r);
        }
    }

    private void unindex(SRecord r) {
        TreeMap<Instant, LinkedHashSet<String>> time = r.isDeleted() ? deletedByDate : byModstamp;
        Set<String> ids = time.get(r.systemModstamp());
        if (ids != null) {
            ids.remove(r.id());
            if (ids.isEmpty()) {
                time.remove(r.systemModstamp());
            }
        }
        if (!r.isDeleted()) {
            keyIndexes.forEach((field, idx) -> {
                String key = keyOf(r.get(field));
                Set<String> s = key == null ? null : idx.get(key);
                if (s != null) {
                    s.remove(r.id());
                    if (s.isEmpty()) {
                        idx.remove(key);
                    }
                }
            });
        }
        for (RecordIndex i : extraIndexes) {
            i.remove(r);
        }
    }

    private static String keyOf(Object value) {
        return value == null ? null : value.toString().toLowerCase(Locale.ROOT);
    }

    /** Live rows whose unique/external-id field equals the value (case-insensitively). */
    public Set<String> findByKey(String field, Object value) {
        Map<String, Set<String>> idx = keyIndexes.get(field);
        if (idx == null || value == null) {
            return Set.of();
        }
        Set<String> ids = idx.get(keyOf(value));
        return ids == null ? Set.of() : Collections.unmodifiableSet(ids);
    }

    /** Live rows by SystemModstamp; the map is a view, so callers copy before writing. */
    public NavigableMap<Instant, LinkedHashSet<String>> liveByModstamp() {
        return Collections.unmodifiableNavigableMap(byModstamp);
    }

    /** Soft-deleted rows keyed by deletion time. */
    public NavigableMap<Instant, LinkedHashSet<String>> deletedByDate() {
        return Collections.unmodifiableNavigableMap(deletedByDate);
    }

    public void clear() {
        rows.clear();
        byModstamp.clear();
        deletedByDate.clear();
        keyIndexes.values().forEach(Map::clear);
        extraIndexes.forEach(RecordIndex::clear);
    }
}
