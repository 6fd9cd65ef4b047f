package dev.tandem.salesforce.write;

import dev.tandem.salesforce.query.Identifiers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks records before anything is sent (so bad input never leaves a half-written state) and converts their
 * values to what Salesforce's JSON expects.
 */
public final class RecordValues {
    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private RecordValues() {
    }

    /** Validates and converts every record; the error names the record index and the field. */
    public static List<Map<String, Object>> prepare(WriteOperation op, List<? extends Map<String, ?>> records,
                                                    String externalIdField) {
        if (records == null) {
            throw new IllegalArgumentException("records must not be null");
        }
        List<Map<String, Object>> out = new java.util.ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Map<String, ?> record = records.get(i);
            if (record == null) {
                throw new IllegalArgumentException("record " + i + " is null");
            }
            Map<String, Object> converted = new LinkedHashMap<>();
            for (Map.Entry<String, ?> e : record.entrySet()) {
                String field = e.getKey();
                if (field == null || field.equalsIgnoreCase("attributes")) {
                    throw new IllegalArgumentException("record " + i + ": field name " + field + " is not allowed");
                }
                try {
                    Identifiers.field(field);
                    converted.put(field, convert(e.getValue()));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException("record " + i + ", field " + field + ": " + bad.getMessage(),
                            bad);
                }
            }
            Object id = valueIgnoringCase(converted, "Id");
            switch (op) {
                case INSERT -> {
                    if (id != null) {
                        throw new IllegalArgumentException("record " + i + ": Id must not be set on insert");
                    }
                }
                case UPDATE, DELETE -> requireId(i, id);
                case UPSERT -> {
                    if (valueIgnoringCase(converted, externalIdField) == null) {
                        throw new IllegalArgumentException("record " + i + ": external id field " + externalIdField
                                + " is missing or null");
                    }
                }
            }
            out.add(converted);
        }
        return out;
    }

    private static void requireId(int index, Object id) {
        if (!(id instanceof String s)) {
            throw new IllegalArgumentException("record " + index + ": Id is required");
        }
        try {
            Identifiers.recordId(s);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("record " + index + ", field Id: " + bad.getMessage(), bad);
        }
    }

    static Object valueIgnoringCase(Map<String, Object> record, String field) {
        for (Map.Entry<String, Object> e : record.entrySet()) {
            if (e.getKey().equalsIgnoreCase(field)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Converts one value to its JSON form; relationship references are maps of an external id. */
    public static Object convert(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                || v instanceof BigDecimal || v instanceof BigInteger || v instanceof Short) {
            return v;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("number " + d + " cannot be sent to Salesforce");
            }
            return BigDecimal.valueOf(d);
        }
        if (v instanceof Instant i) {
            return DATETIME.format(i);
        }
        if (v instanceof OffsetDateTime o) {
            return DATETIME.format(o.toInstant());
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> ref = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                ref.put(Identifiers.field(String.valueOf(e.getKey())), convert(e.getValue()));
            }
            return ref;
        }
        throw new IllegalArgumentException("values of type " + v.getClass().getName() + " cannot be sent");
    }

    /** Formats a value for a Bulk API CSV cell: empty for absent, {@code #N/A} for an explicit null. */
    public static String csvCell(Object converted) {
        if (converted == null) {
            return "#N/A";
        }
        if (converted instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (converted instanceof Map) {
            throw new IllegalArgumentException("Bulk API rows reference parents as 'Relationship.ExtId__c' columns,"
                    + " not nested maps");
        }
        return converted.toString();
    }
}
