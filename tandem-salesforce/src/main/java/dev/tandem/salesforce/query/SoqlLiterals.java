package dev.tandem.salesforce.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Renders Java values as SOQL literals, escaping every string; nothing else may put a value into SOQL. */
public final class SoqlLiterals {
    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** How a datetime with a fraction of a second is brought to SOQL's whole seconds. */
    public enum Rounding {
        /** Round down (for {@code >} and {@code <=}: exact over whole-second data). */
        FLOOR,
        /** Round up (for {@code >=} and {@code <}: exact over whole-second data). */
        CEILING,
        /** Refuse fractions (equality cannot be exact otherwise). */
        EXACT
    }

    private SoqlLiterals() {
    }

    /** The literal for a value, refusing types SOQL cannot express. */
    public static String literal(Object value, Rounding rounding) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof CharSequence s) {
            return "'" + escape(s.toString()) + "'";
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("SOQL cannot compare with a non-finite number: " + d);
            }
            return BigDecimal.valueOf(d).toPlainString();
        }
        if (value instanceof Instant i) {
            return datetime(i, rounding);
        }
        if (value instanceof OffsetDateTime o) {
            return datetime(o.toInstant(), rounding);
        }
        if (value instanceof ZonedDateTime z) {
            return datetime(z.toInstant(), rounding);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        throw new IllegalArgumentException("SOQL cannot compare with a value of type " + value.getClass().getName());
    }

    /**
     * Escapes a string for use inside SOQL quotes: backslash, both quotes and the control characters SOQL
     * defines escapes for. Wildcards are not touched (see {@link #escapeLike}).
     */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        throw new IllegalArgumentException("SOQL strings cannot contain control character U+"
                                + String.format("%04X", (int) c));
                    }
                    b.append(c);
                }
            }
        }
        return b.toString();
    }

    /** Escapes text meant literally inside a LIKE pattern: the string escapes plus {@code %} and {@code _}. */
    public static String escapeLike(String s) {
        return escape(s).replace("%", "\\%").replace("_", "\\_");
    }

    /** A datetime literal ({@code 2026-03-01T00:00:00Z}, unquoted) at whole seconds. */
    public static String datetime(Instant instant, Rounding rounding) {
        Instant whole = instant.truncatedTo(ChronoUnit.SECONDS);
        if (!whole.equals(instant)) {
            switch (rounding) {
                case FLOOR -> { }
                case CEILING -> whole = whole.plusSeconds(1);
                case EXACT -> throw new IllegalArgumentException("datetime " + instant
                        + " has a fraction of a second; Salesforce stores whole seconds, so it cannot match exactly");
            }
        }
        return DATETIME.format(whole);
    }
}
