package dev.tandem.emulator.store;

import dev.tandem.emulator.schema.ObjectDef;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * An immutable stored record: field values keyed by describe-cased field name. Values are String, Boolean, Double,
 * Integer, LocalDate or Instant; ids are canonical 18-character strings.
 */
public final class SRecord {
    private final ObjectDef type;
    private final Map<String, Object> values;

    public SRecord(ObjectDef type, Map<String, Object> values) {
        this.type = type;
        this.values = Collections.unmodifiableMap(new HashMap<>(values));
    }

    public ObjectDef type() {
        return type;
    }

    public String id() {
        return (String) values.get("Id");
    }

    /** The value of a describe-cased field, or null. */
    public Object get(String field) {
        return values.get(field);
    }

    public String string(String field) {
        Object v = values.get(field);
        return v == null ? null : v.toString();
    }

    public boolean flag(String field) {
        return Boolean.TRUE.equals(values.get(field));
    }

    public boolean isDeleted() {
        return flag("IsDeleted");
    }

    public Instant systemModstamp() {
        return (Instant) values.get("SystemModstamp");
    }

    public Map<String, Object> values() {
        return values;
    }

    /** A copy with the given fields replaced. */
    public SRecord with(Map<String, Object> changes) {
        Map<String, Object> copy = new HashMap<>(values);
        copy.putAll(changes);
        return new SRecord(type, copy);
    }

    /** A copy with one field replaced. */
    public SRecord with(String field, Object value) {
        Map<String, Object> copy = new HashMap<>(values);
        copy.put(field, value);
        return new SRecord(type, copy);
    }
}
