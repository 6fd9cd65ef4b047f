package dev.tandem.emulator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.ids.SalesforceIds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;

/** Converts field values between their stored Java form and JSON, CSV and Salesforce's text formats. */
public final class Values {
    /** Salesforce's datetime rendering, e.g. 2026-03-02T08:00:03.000+0000. */
    public static final DateTimeFormatter DATETIME_OUT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter DATETIME_IN = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
            .toFormatter();

    private Values() {
    }

    /** Parses an ISO-8601 datetime with an optional fraction and offset (UTC when absent); null if malformed. */
    public static Instant parseDateTime(String text) {
        try {
            return OffsetDateTime.parse(text.trim(), DATETIME_IN).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String formatDateTime(Instant i) {
        return DATETIME_OUT.format(i);
    }

    /** A stored value as JSON expects it: strings for dates and datetimes, numbers and booleans as they are. */
    public static Object toJsonValue(Object v) {
        if (v instanceof Instant i) {
            return formatDateTime(i);
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        return v;
    }

    /** A stored value as a CSV cell (empty for null). */
    public static String toText(Object v) {
        Object j = toJsonValue(v);
        if (j == null) {
            return "";
        }
        if (j instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return String.valueOf(d);
        }
        return j.toString();
    }

    /** Converts a JSON value to the field's stored type, rejecting wrong JSON types with JSON_PARSER_ERROR. */
    public static Object fromJson(FieldDef f, JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        switch (f.type().kind()) {
            case BOOLEAN:
                if (n.isBoolean()) {
                    return n.booleanValue();
                }
                throw typeError(f, "boolean", n);
            case NUMBER:
                if (!n.isNumber()) {
                    throw typeError(f, f.type() == FieldType.INT ? "int" : "double", n);
                }
                if (f.type() == FieldType.INT) {
                    if (!n.canConvertToInt() || !n.isIntegralNumber()) {
                        throw typeError(f, "int", n);
                    }
                    return n.intValue();
                }
                return n.doubleValue();
            case DATE: {
                LocalDate d = n.isTextual() ? parseDate(n.textValue()) : null;
                if (d == null) {
                    throw typeError(f, "date", n);
                }
                return d;
            }
            case DATETIME: {
                Instant i = n.isTextual() ? parseDateTime(n.textValue()) : null;
                if (i == null) {
                    throw typeError(f, "datetime", n);
                }
                return i;
            }
            default:
                if (!n.isTextual()) {
                    throw typeError(f, "string", n);
                }
                return n.textValue();
        }
    }

    /** Converts a text cell (CSV) to the field's stored type; "#N/A" means null, as in Bulk API uploads. */
    public static Object fromText(FieldDef f, String s) {
        if (s == null || s.equals("#N/A")) {
            return null;
        }
        switch (f.type().kind()) {
            case BOOLEAN:
                if (s.equalsIgnoreCase("true") || s.equals("1")) {
                    return true;
                }
                if (s.equalsIgnoreCase("false") || s.equals("0")) {
                    return false;
                }
                throw textError(f, s);
            case NUMBER:
                try {
                    return f.type() == FieldType.INT ? (Object) Integer.parseInt(s.trim()) : Double.parseDouble(s.trim());
                } catch (NumberFormatException e) {
                    throw textError(f, s);
                }
            case DATE: {
                LocalDate d = parseDate(s);
                if (d == null) {
                    throw textError(f, s);
                }
                return d;
            }
            case DATETIME: {
                Instant i = parseDateTime(s);
                if (i == null) {
                    throw textError(f, s);
                }
                return i;
            }
            default:
                return s;
        }
    }

    private static ApiException typeError(FieldDef f, String javaType, JsonNode n) {
        String token = n.isTextual() ? "VALUE_STRING" : n.isBoolean() ? "VALUE_" + String.valueOf(n.booleanValue())
                .toUpperCase() : n.isIntegralNumber() ? "VALUE_NUMBER_INT" : n.isNumber() ? "VALUE_NUMBER_FLOAT"
                : n.isArray() ? "START_ARRAY" : "START_OBJECT";
        String shown = n.isValueNode() ? " value " + n.asText() : "";
        return ApiException.badRequest("JSON_PARSER_ERROR", "Cannot deserialize instance of " + javaType + " from "
                + token + shown + " for field " + f.name(), List.of(f.name()));
    }

    private static ApiException textError(FieldDef f, String s) {
        return ApiException.badRequest("INVALID_TYPE_ON_FIELD_IN_RECORD",
                f.label() + ": value not of required type: " + s, List.of(f.name()));
    }

    /** Normalises an id-valued input, or null if it is not a well-formed id. */
    public static String normalizeId(String raw) {
        return SalesforceIds.normalize(raw);
    }
}
