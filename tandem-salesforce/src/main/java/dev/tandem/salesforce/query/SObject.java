package dev.tandem.salesforce.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Salesforce record as read: its type and its fields in response order. Values are {@code String},
 * {@code Boolean}, {@code Long}, {@code BigDecimal}, {@code null}, a parent {@code SObject} (for
 * relationship fields such as {@code Campaign.Name}) or a {@code List<SObject>} (child sub-queries).
 */
public final class SObject {
    private static final DateTimeFormatter SF_DATETIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd().toFormatter();
    /** Marks a path that is not in the record, as opposed to one that is present with a null value. */
    private static final Object ABSENT = new Object();
    private final String type;
    private final Map<String, Object> fields;

    private SObject(String type, Map<String, Object> fields) {
        this.type = type;
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** A record of {@code type} with the given fields (copied, order kept). */
    public static SObject of(String type, Map<String, ?> fields) {
        return new SObject(type, new LinkedHashMap<>(fields));
    }

    /** The sObject type from the record's attributes (may be null for bulk query rows). */
    public String type() {
        return type;
    }

    /** The record id, or null when the query did not select it. */
    public String id() {
        Object id = get("Id");
        return id == null ? null : id.toString();
    }

    public Map<String, Object> fields() {
        return fields;
    }

    /** True when the field (or dotted path) is present, even if null. */
    public boolean has(String path) {
        return resolve(path) != ABSENT;
    }

    /**
     * The value at a field name or dotted relationship path ({@code Campaign.Name}), null when absent or when a
     * parent on the path is null. Names match exactly first, then ignoring case (SOQL names are case-insensitive).
     */
    public Object get(String path) {
        Object v = resolve(path);
        return v == ABSENT ? null : v;
    }

    private Object resolve(String path) {
        if (containsKey(path)) {
            return lookup(path);
        }
        int dot = path.indexOf('.');
        if (dot < 0) {
            return ABSENT;
        }
        String head = path.substring(0, dot);
        if (!containsKey(head)) {
            return ABSENT;
        }
        Object parent = lookup(head);
        if (parent == null) {
            return null;
        }
        return parent instanceof SObject p ? p.resolve(path.substring(dot + 1)) : ABSENT;
    }

    private boolean containsKey(String name) {
        if (fields.containsKey(name)) {
            return true;
        }
        return fields.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(name));
    }

    private Object lookup(String name) {
        if (fields.containsKey(name)) {
            return fields.get(name);
        }
        return fields.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                .map(Map.Entry::getValue).orElse(null);
    }

    public String getString(String path) {
        Object v = get(path);
        return v == null ? null : v.toString();
    }

    /** A boolean field; bulk rows carry booleans as text, which is accepted too. */
    public Boolean getBoolean(String path) {
        Object v = get(path);
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        String s = v.toString();
        if (s.isEmpty()) {
            return null;
        }
        if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
            throw new IllegalStateException("field " + path + " is not a boolean: " + s);
        }
        return Boolean.valueOf(s);
    }

    /** A whole-number field; bulk rows carry numbers as text, which is accepted too. */
    public Long getLong(String path) {
        Object v = get(path);
        if (v == null || v.toString().isEmpty()) {
            return null;
        }
        return v instanceof Long l ? l : new BigDecimal(v.toString()).longValueExact();
    }

    public BigDecimal getDecimal(String path) {
        Object v = get(path);
        if (v == null || v.toString().isEmpty()) {
            return null;
        }
        return v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
    }

    /** A datetime field such as {@code 2026-03-02T08:00:03.000+0000}. */
    public Instant getInstant(String path) {
        return parseDateTime(getString(path));
    }

    /** Parses Salesforce's datetime format ({@code 2026-03-02T08:00:03.000+0000}, also with Z or +00:00). */
    public static Instant parseDateTime(String text) {
        return text == null || text.isEmpty() ? null : OffsetDateTime.parse(text, SF_DATETIME).toInstant();
    }

    /** A date field ({@code YYYY-MM-DD}). */
    public LocalDate getDate(String path) {
        String s = getString(path);
        return s == null || s.isEmpty() ? null : LocalDate.parse(s);
    }

    /** The parent record of a relationship ({@code Campaign}), empty when the lookup is null or not selected. */
    public Optional<SObject> parent(String relationship) {
        Object v = get(relationship);
        return v instanceof SObject p ? Optional.of(p) : Optional.empty();
    }

    /** The child records of a sub-query relationship, empty when none. */
    @SuppressWarnings("unchecked")
    public List<SObject> children(String relationship) {
        Object v = get(relationship);
        return v instanceof List<?> l ? (List<SObject>) l : List.of();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SObject s && Objects.equals(type, s.type) && fields.equals(s.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, fields);
    }

    @Override
    public String toString() {
        return (type == null ? "SObject" : type) + fields;
    }
}
