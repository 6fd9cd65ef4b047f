package dev.tandem.emulator.soql;

import dev.tandem.emulator.schema.ChildRelationship;
import dev.tandem.emulator.schema.FieldDef;
import dev.tandem.emulator.schema.ObjectDef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The parsed, schema-resolved form of a SOQL statement. */
public final class Ast {
    private Ast() {
    }

    /** A resolved query. {@code countOnly} marks SELECT COUNT(). */
    public record Query(ObjectDef from, List<SelectItem> select, Cond where, List<OrderItem> orderBy, Integer limit,
                        Integer offset, boolean countOnly) {

        /** True when the select list holds an aggregate such as COUNT(Id). */
        public boolean isAggregate() {
            return select.stream().anyMatch(s -> s instanceof CountItem);
        }

        public boolean hasSubquery() {
            return select.stream().anyMatch(s -> s instanceof SubqueryItem);
        }
    }

    /**
     * A field reached from the queried object through zero or more parent relationships.
     *
     * @param hops the reference fields followed, in order (e.g. CampaignId for Campaign.Name)
     * @param leaf the field read on the last object
     */
    public record FieldPath(List<FieldDef> hops, FieldDef leaf) {
        /** Describe-cased dotted name, e.g. "Campaign.Name". */
        public String dotted() {
            StringBuilder sb = new StringBuilder();
            for (FieldDef h : hops) {
                sb.append(h.relationshipName()).append('.');
            }
            return sb.append(leaf.name()).toString();
        }
    }

    /** An item of the select list. */
    public sealed interface SelectItem permits FieldItem, CountItem, SubqueryItem {
    }

    /** A plain field or parent-relationship path. */
    public record FieldItem(FieldPath path) implements SelectItem {
    }

    /** COUNT(field) with its output name (alias or exprN). */
    public record CountItem(FieldPath path, String alias) implements SelectItem {
    }

    /** A parent-to-child subquery, e.g. (SELECT Id FROM CampaignMembers). */
    public record SubqueryItem(ChildRelationship relationship, Query query) implements SelectItem {
    }

    /** A WHERE condition. */
    public sealed interface Cond permits And, Or, Not, Compare, In, InQuery, Like {
    }

    /** All parts hold. */
    public record And(List<Cond> parts) implements Cond {
    }

    /** At least one part holds. */
    public record Or(List<Cond> parts) implements Cond {
    }

    /** The inner condition does not hold. */
    public record Not(Cond inner) implements Cond {
    }

    /** path op value, where value is a stored-type Java value, null, or a {@link DateRange}. */
    public record Compare(FieldPath path, String op, Object value) implements Cond {
    }

    /**
     * path [NOT] IN (values); values are typed like the field, null allowed. {@code keys} holds the same values in
     * comparison form (see {@link #key}) so membership is a hash lookup, not a scan of the list.
     */
    public record In(FieldPath path, List<Object> values, boolean negated, java.util.Set<Object> keys) implements Cond {
        public In(FieldPath path, List<Object> values, boolean negated) {
            this(path, values, negated, keysOf(path.leaf(), values));
        }

        private static java.util.Set<Object> keysOf(FieldDef f, List<Object> values) {
            java.util.Set<Object> keys = new java.util.HashSet<>();
            values.forEach(v -> keys.add(key(f, v)));
            return keys;
        }

        /** The comparison form of a value: text lower-cased (except ids), numbers as doubles. */
        public static Object key(FieldDef f, Object v) {
            if (v instanceof String s && !f.type().isIdValued()) {
                return s.toLowerCase(java.util.Locale.ROOT);
            }
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            return v;
        }
    }

    /** path [NOT] IN (SELECT idField FROM … ): a semi-join (or anti-join) on the ids another query selects. */
    public record InQuery(FieldPath path, Query query, boolean negated) implements Cond {
        /** The single id field the inner query selects. */
        public FieldPath selected() {
            return ((FieldItem) query.select().get(0)).path();
        }
    }

    /** LIKE with the pattern already compiled to a case-insensitive regex. */
    public record Like(FieldPath path, java.util.regex.Pattern regex) implements Cond {
    }

    /** A date literal such as TODAY or LAST_N_DAYS:7: the half-open day range [start, end). */
    public record DateRange(LocalDate start, LocalDate end) {
        public Instant startInstant() {
            return start.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }

        public Instant endInstant() {
            return end.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }
    }

    /** One ORDER BY key with its direction and null placement. */
    public record OrderItem(FieldPath path, boolean descending, boolean nullsFirst) {
    }
}
