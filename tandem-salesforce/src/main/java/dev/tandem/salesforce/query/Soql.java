package dev.tandem.salesforce.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A SOQL statement assembled from validated identifiers and escaped literals; there is deliberately no way to
 * paste raw text into it.
 */
public final class Soql {
    private final String object;
    private final String text;

    private Soql(String object, String text) {
        this.object = object;
        this.text = text;
    }

    /** Starts {@code SELECT f1, f2, ...}; field names and relationship paths are validated. */
    public static Builder select(String... fields) {
        return select(List.of(fields));
    }

    public static Builder select(List<String> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("SELECT needs at least one field");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String f : fields) {
            seen.add(Identifiers.field(f));
        }
        return new Builder(String.join(", ", seen));
    }

    /** Starts {@code SELECT COUNT()}; the result's totalSize is the count. */
    public static Builder selectCount() {
        return new Builder("COUNT()");
    }

    /** The object queried (the FROM clause). */
    public String object() {
        return object;
    }

    /** The statement text. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Soql s && s.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** Sort direction of an ORDER BY item. */
    public enum Order { ASC, DESC }

    /** Assembles the clauses of one statement. */
    public static final class Builder {
        private final String selectList;
        private String object;
        private Cond where;
        private final List<String> orderBy = new ArrayList<>();
        private Integer limit;

        private Builder(String selectList) {
            this.selectList = selectList;
        }

        public Builder from(String object) {
            this.object = Identifiers.object(object);
            return this;
        }

        public Builder where(Cond condition) {
            this.where = Objects.requireNonNull(condition, "condition");
            return this;
        }

        /** Ascending order on one or more fields, in the given sequence. */
        public Builder orderBy(String... fields) {
            for (String f : fields) {
                orderBy(f, Order.ASC);
            }
            return this;
        }

        public Builder orderBy(String field, Order order) {
            orderBy.add(Identifiers.field(field) + " " + order.name());
            return this;
        }

        public Builder limit(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("LIMIT must be positive, was " + rows);
            }
            this.limit = rows;
            return this;
        }

        public Soql build() {
            if (object == null) {
                throw new IllegalStateException("a SOQL statement needs FROM <object>");
            }
            StringBuilder b = new StringBuilder("SELECT ").append(selectList).append(" FROM ").append(object);
            if (where != null) {
                b.append(" WHERE ").append(where.soql());
            }
            if (!orderBy.isEmpty()) {
                b.append(" ORDER BY ").append(String.join(", ", orderBy));
            }
            if (limit != null) {
                b.append(" LIMIT ").append(limit);
            }
            return new Soql(object, b.toString());
        }
    }
}
