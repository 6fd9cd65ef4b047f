package dev.tandem.salesforce.query;

import dev.tandem.salesforce.query.SoqlLiterals.Rounding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A WHERE condition built from validated field names and escaped literals. */
public final class Cond {
    private enum Shape { LEAF, AND, OR, NOT }

    private final String text;
    private final Shape shape;

    private Cond(String text, Shape shape) {
        this.text = text;
        this.shape = shape;
    }

    private static Cond compare(String field, String op, Object value, Rounding rounding) {
        return new Cond(Identifiers.field(field) + " " + op + " " + SoqlLiterals.literal(value, rounding), Shape.LEAF);
    }

    /** {@code field = value}; a null value gives {@code field = NULL}. */
    public static Cond eq(String field, Object value) {
        return compare(field, "=", value, Rounding.EXACT);
    }

    public static Cond ne(String field, Object value) {
        return compare(field, "!=", value, Rounding.EXACT);
    }

    public static Cond lt(String field, Object value) {
        return compare(field, "<", requireValue(field, value), Rounding.CEILING);
    }

    public static Cond le(String field, Object value) {
        return compare(field, "<=", requireValue(field, value), Rounding.FLOOR);
    }

    public static Cond gt(String field, Object value) {
        return compare(field, ">", requireValue(field, value), Rounding.FLOOR);
    }

    public static Cond ge(String field, Object value) {
        return compare(field, ">=", requireValue(field, value), Rounding.CEILING);
    }

    public static Cond isNull(String field) {
        return eq(field, null);
    }

    public static Cond isNotNull(String field) {
        return ne(field, null);
    }

    /** {@code field IN (...)}; the values must not be empty (SOQL has no empty list). */
    public static Cond in(String field, Collection<?> values) {
        return list(field, "IN", values);
    }

    public static Cond notIn(String field, Collection<?> values) {
        return list(field, "NOT IN", values);
    }

    private static Cond list(String field, String op, Collection<?> values) {
        Objects.requireNonNull(values, "values");
        if (values.isEmpty()) {
            throw new IllegalArgumentException(op + " on " + field + " needs at least one value");
        }
        String items = values.stream().map(v -> SoqlLiterals.literal(requireValue(field, v), Rounding.EXACT))
                .collect(Collectors.joining(", "));
        return new Cond(Identifiers.field(field) + " " + op + " (" + items + ")", Shape.LEAF);
    }

    /**
     * {@code field LIKE pattern} where {@code %} and {@code _} in the pattern are wildcards; quotes and
     * backslashes are still escaped. Use {@link #startsWith}/{@link #contains}/{@link #endsWith} for user text.
     */
    public static Cond like(String field, String pattern) {
        return new Cond(Identifiers.field(field) + " LIKE '" + SoqlLiterals.escape(requireText(field, pattern)) + "'",
                Shape.LEAF);
    }

    /** Text starts with {@code prefix}, taken literally (its {@code %} and {@code _} are not wildcards). */
    public static Cond startsWith(String field, String prefix) {
        return likeLiteral(field, "", prefix, "%");
    }

    public static Cond contains(String field, String text) {
        return likeLiteral(field, "%", text, "%");
    }

    public static Cond endsWith(String field, String suffix) {
        return likeLiteral(field, "%", suffix, "");
    }

    private static Cond likeLiteral(String field, String before, String text, String after) {
        return new Cond(Identifiers.field(field) + " LIKE '" + before
                + SoqlLiterals.escapeLike(requireText(field, text)) + after + "'", Shape.LEAF);
    }

    /** All of the conditions. */
    public static Cond allOf(Cond first, Cond... more) {
        return join(Shape.AND, first, more);
    }

    /** Any of the conditions. */
    public static Cond anyOf(Cond first, Cond... more) {
        return join(Shape.OR, first, more);
    }

    public static Cond not(Cond c) {
        return new Cond("NOT (" + c.text + ")", Shape.NOT);
    }

    public Cond and(Cond other) {
        return join(Shape.AND, this, other);
    }

    public Cond or(Cond other) {
        return join(Shape.OR, this, other);
    }

    private static Cond join(Shape shape, Cond first, Cond... more) {
        List<Cond> all = new ArrayList<>();
        all.add(Objects.requireNonNull(first, "condition"));
        for (Cond c : more) {
            all.add(Objects.requireNonNull(c, "condition"));
        }
        if (all.size() == 1) {
            return first;
        }
        String op = shape == Shape.AND ? " AND " : " OR ";
        // SOQL forbids mixing AND and OR without parentheses, so any compound operand of another kind is wrapped.
        String text = all.stream().map(c -> c.shape == Shape.LEAF || c.shape == Shape.NOT || c.shape == shape
                ? c.text : "(" + c.text + ")").collect(Collectors.joining(op));
        return new Cond(text, shape);
    }

    private static Object requireValue(String field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("comparison on " + field + " needs a non-null value");
        }
        return value;
    }

    private static String requireText(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException("LIKE on " + field + " needs a non-null pattern");
        }
        return value;
    }

    /** The condition as SOQL text. */
    public String soql() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
