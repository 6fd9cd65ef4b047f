package dev.tandem.emulator.soql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.emulator.schema.ChildRelationship;
import dev.tandem.emulator.schema.FieldDef;
import dev.tandem.emulator.schema.StandardSchema;
import dev.tandem.emulator.schema.Values;
import dev.tandem.emulator.soql.Ast.Cond;
import dev.tandem.emulator.soql.Ast.FieldPath;
import dev.tandem.emulator.soql.Ast.Query;
import dev.tandem.emulator.store.SRecord;
import dev.tandem.emulator.store.Store;
import dev.tandem.emulator.store.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs parsed queries over the store. Selective predicates on Id, CampaignId and SystemModstamp are answered from
 * indexes; everything else is a filtered scan. Callers hold the store's read lock.
 */
public final class QueryEngine {
    private final Store store;

    public QueryEngine(Store store) {
        this.store = store;
    }

    /** Matching rows after filtering, ordering, OFFSET and LIMIT. */
    public List<SRecord> select(Query q, boolean includeDeleted) {
        return finish(q, filter(q, candidates(q, includeDeleted), includeDeleted));
    }

    private List<SRecord> filter(Query q, Collection<SRecord> candidates, boolean includeDeleted) {
        Map<Ast.InQuery, Set<Object>> semiJoins = new IdentityHashMap<>();
        List<SRecord> out = new ArrayList<>();
        for (SRecord r : candidates) {
            if ((includeDeleted || !r.isDeleted()) && (q.where() == null || matches(r, q.where(), semiJoins))) {
                out.add(r);
            }
        }
        return out;
    }

    /** The ids a semi-join's inner query selects, computed once per outer query. */
    private Set<Object> semiJoinIds(Ast.InQuery in, Map<Ast.InQuery, Set<Object>> cache) {
        return cache.computeIfAbsent(in, k -> {
            Set<Object> ids = new HashSet<>();
            for (SRecord r : select(k.query(), false)) {
                Object v = value(r, k.selected());
                if (v != null) {
                    ids.add(v);
                }
            }
            return ids;
        });
    }

    private List<SRecord> finish(Query q, List<SRecord> rows) {
        if (!q.orderBy().isEmpty()) {
            rows.sort(comparator(q.orderBy()));
        }
        int from = q.offset() == null ? 0 : Math.min(q.offset(), rows.size());
        int to = q.limit() == null ? rows.size() : Math.min(rows.size(), from + q.limit());
        return rows.subList(from, to);
    }

    /** Rows to examine, in creation order: from an index when a top-level predicate allows, else the table. */
    private Collection<SRecord> candidates(Query q, boolean includeDeleted) {
        Table table = store.table(q.from());
        List<Cond> conjuncts = q.where() instanceof Ast.And and ? and.parts()
                : q.where() == null ? List.of() : List.of(q.where());
        Set<String> ids = null;
        for (Cond c : conjuncts) {
            Set<String> hit = indexed(q, c, table, includeDeleted);
            if (hit != null && (ids == null || hit.size() < ids.size())) {
                ids = hit;
            }
        }
        if (ids == null) {
            return table.all();
        }
        List<String> sorted = new ArrayList<>(ids);
        // Ids of one object grow with creation, so sorting them restores creation order.
        sorted.sort(Comparator.naturalOrder());
        List<SRecord> out = new ArrayList<>(sorted.size());
        for (String id : sorted) {
            SRecord r = table.get(id);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private Set<String> indexed(Query q, Cond c, Table table, boolean includeDeleted) {
        List<Object> keys = null;
        FieldPath path = null;
        if (c instanceof Ast.Compare cmp && cmp.op().equals("=") && cmp.value() != null
                && !(cmp.value() instanceof Ast.DateRange)) {
            keys = List.of(cmp.value());
            path = cmp.path();
        } else if (c instanceof Ast.In in && !in.negated()) {
            keys = in.values();
            path = in.path();
        }
        if (path != null && path.hops().isEmpty()) {
            String field = path.leaf().name();
            String object = q.from().name();
            Set<String> out = new LinkedHashSet<>();
            if (field.equals("Id")) {
                keys.forEach(k -> out.add((String) k));
                return out;
            }
            if (!includeDeleted && field.equals("CampaignId")) {
                if (object.equals(StandardSchema.CAMPAIGN_MEMBER)) {
                    keys.forEach(k -> out.addAll(store.members().ofCampaign((String) k)));
                    return out;
                }
                if (object.equals(StandardSchema.CAMPAIGN_MEMBER_STATUS)) {
                    keys.forEach(k -> out.addAll(store.statuses().ofCampaign((String) k)));
                    return out;
                }
            }
        }
        if (c instanceof Ast.Compare cmp && cmp.path().hops().isEmpty()
                && cmp.path().leaf().name().equals("SystemModstamp") && cmp.value() != null) {
            Instant from;
            boolean inclusive;
            if (cmp.value() instanceof Ast.DateRange r) {
                from = cmp.op().equals(">") ? r.endInstant() : r.startInstant();
                inclusive = true;
            } else {
                from = (Instant) cmp.value();
                inclusive = !cmp.op().equals(">");
            }
            if (cmp.op().startsWith(">") || cmp.op().equals("=")) {
                Set<String> out = new LinkedHashSet<>();
                table.liveByModstamp().tailMap(from, inclusive).values().forEach(out::addAll);
                if (includeDeleted) {
                    table.deletedByDate().tailMap(from, inclusive).values().forEach(out::addAll);
                }
                return out;
            }
        }
        return null;
    }

    /** The value a field path reads on a row: following parent lookups, null when one is empty. */
    public Object value(SRecord r, FieldPath p) {
        SRecord current = r;
        for (FieldDef hop : p.hops()) {
            String id = current.string(hop.name());
            current = id == null ? null : store.find(id);
            if (current == null) {
                return null;
            }
        }
        return current.get(p.leaf().name());
    }

    private boolean matches(SRecord r, Cond c, Map<Ast.InQuery, Set<Object>> semiJoins) {
        if (c instanceof Ast.And a) {
            for (Cond p : a.parts()) {
                if (!matches(r, p, semiJoins)) {
                    return false;
                }
            }
            return true;
        }
        if (c instanceof Ast.Or o) {
            for (Cond p : o.parts()) {
                if (matches(r, p, semiJoins)) {
                    return true;
                }
            }
            return false;
        }
        if (c instanceof Ast.Not n) {
            return !matches(r, n.inner(), semiJoins);
        }
        if (c instanceof Ast.InQuery in) {
            Object v = value(r, in.path());
            boolean found = v != null && semiJoinIds(in, semiJoins).contains(v);
            return found != in.negated();
        }
        if (c instanceof Ast.Compare cmp) {
            return compare(value(r, cmp.path()), cmp.op(), cmp.value(), cmp.path().leaf());
        }
        if (c instanceof Ast.In in) {
            boolean found = in.keys().contains(Ast.In.key(in.path().leaf(), value(r, in.path())));
            return found != in.negated();
        }
        Ast.Like like = (Ast.Like) c;
        Object v = value(r, like.path());
        return v != null && like.regex().matcher(v.toString()).matches();
    }

    private static boolean compare(Object actual, String op, Object literal, FieldDef f) {
        if (literal == null) {
            return op.equals("=") == (actual == null);
        }
        if (actual == null) {
            return op.equals("!=");
        }
        if (literal instanceof Ast.DateRange range) {
            Comparable<Object> lo = bound(range.start(), range.startInstant(), actual);
            Comparable<Object> hi = bound(range.end(), range.endInstant(), actual);
            boolean afterStart = lo.compareTo(actual) <= 0;
            boolean beforeEnd = hi.compareTo(actual) > 0;
            return switch (op) {
                case "=" -> afterStart && beforeEnd;
                case "!=" -> !(afterStart && beforeEnd);
                case "<" -> !afterStart;
                case "<=" -> beforeEnd;
                case ">" -> !beforeEnd;
                default -> afterStart;
            };
        }
        int cmp = order(actual, literal, f);
        return switch (op) {
            case "=" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> bound(LocalDate date, Instant instant, Object actual) {
        return (Comparable<Object>) (Object) (actual instanceof Instant ? instant : date);
    }

    /** Orders two non-null values of one field; text compares case-insensitively except ids. */
    @SuppressWarnings("unchecked")
    static int order(Object a, Object b, FieldDef f) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return f.type().isIdValued() ? x.compareTo(y) : x.compareToIgnoreCase(y);
        }
        return ((Comparable<Object>) a).compareTo(b);
    }

    private Comparator<SRecord> comparator(List<Ast.OrderItem> items) {
        Comparator<SRecord> result = null;
        for (Ast.OrderItem item : items) {
            Comparator<SRecord> c = (r1, r2) -> {
                Object a = value(r1, item.path());
                Object b = value(r2, item.path());
                if (a == null || b == null) {
                    if (a == b) {
                        return 0;
                    }
                    return (a == null) == item.nullsFirst() ? -1 : 1;
                }
                int v = order(a, b, item.path().leaf());
                return item.descending() ? -v : v;
            };
            result = result == null ? c : result.thenComparing(c);
        }
        return result;
    }

    /** Renders a result row as Salesforce does: attributes, selected fields, nested parents and child results. */
    public ObjectNode render(SRecord r, Query q, String version, boolean includeDeleted) {
        ObjectNode node = attributes(r, version);
        for (Ast.SelectItem item : q.select()) {
            if (item instanceof Ast.FieldItem f) {
                putPath(node, r, f.path().hops(), 0, f.path().leaf(), version);
            } else if (item instanceof Ast.SubqueryItem sub) {
                node.set(sub.relationship().relationshipName(), children(r, sub, version, includeDeleted));
            }
        }
        return node;
    }

    private static ObjectNode attributes(SRecord r, String version) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ObjectNode attrs = node.putObject("attributes");
        attrs.put("type", r.type().name());
        attrs.put("url", "/services/data/" + version + "/sobjects/" + r.type().name() + "/" + r.id());
        return node;
    }

    private void putPath(ObjectNode node, SRecord r, List<FieldDef> hops, int i, FieldDef leaf, String version) {
        if (i == hops.size()) {
            putValue(node, leaf.name(), r.get(leaf.name()));
            return;
        }
        FieldDef hop = hops.get(i);
        String rel = hop.relationshipName();
        String parentId = r.string(hop.name());
        SRecord parent = parentId == null ? null : store.find(parentId);
        if (parent == null) {
            if (!node.has(rel)) {
                node.putNull(rel);
            }
            return;
        }
        ObjectNode child = node.get(rel) instanceof ObjectNode existing ? existing : attributes(parent, version);
        node.set(rel, child);
        putPath(child, parent, hops, i + 1, leaf, version);
    }

    /** Writes a stored value under a JSON key with Salesforce's formatting. */
    public static void putValue(ObjectNode node, String key, Object v) {
        Object j = Values.toJsonValue(v);
        if (j == null) {
            node.putNull(key);
        } else if (j instanceof String s) {
            node.put(key, s);
        } else if (j instanceof Boolean b) {
            node.put(key, b);
        } else if (j instanceof Integer n) {
            node.put(key, n);
        } else if (j instanceof Double d) {
            node.put(key, d);
        } else {
            node.put(key, j.toString());
        }
    }

    private ObjectNode children(SRecord parent, Ast.SubqueryItem sub, String version, boolean includeDeleted) {
        ChildRelationship rel = sub.relationship();
        Collection<SRecord> kids = childRows(rel, parent.id(), includeDeleted);
        List<SRecord> rows = finish(sub.query(), filter(sub.query(), kids, includeDeleted));
        if (rows.isEmpty()) {
            return null;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("totalSize", rows.size());
        out.put("done", true);
        ArrayNode records = out.putArray("records");
        for (SRecord k : rows) {
            records.add(render(k, sub.query(), version, includeDeleted));
        }
        return out;
    }

    private Collection<SRecord> childRows(ChildRelationship rel, String parentId, boolean includeDeleted) {
        Table table = store.table(rel.childObject());
        Set<String> ids = null;
        if (!includeDeleted && rel.childObject().equals(StandardSchema.CAMPAIGN_MEMBER)) {
            ids = rel.field().equals("CampaignId") ? store.members().ofCampaign(parentId)
                    : store.members().ofPerson(parentId);
        } else if (!includeDeleted && rel.childObject().equals(StandardSchema.CAMPAIGN_MEMBER_STATUS)) {
            ids = store.statuses().ofCampaign(parentId);
        }
        List<SRecord> out = new ArrayList<>();
        Collection<SRecord> source = ids == null ? table.all() : ids.stream().map(table::get).toList();
        for (SRecord r : source) {
            if (parentId.equals(r.get(rel.field()))) {
                out.add(r);
            }
        }
        return out;
    }

    /** The aggregate row for COUNT(field) items: counts non-null values. */
    public ObjectNode aggregateRow(Query q, List<SRecord> rows) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putObject("attributes").put("type", "AggregateResult");
        for (Ast.SelectItem item : q.select()) {
            Ast.CountItem c = (Ast.CountItem) item;
            int n = 0;
            for (SRecord r : rows) {
                n += value(r, c.path()) != null ? 1 : 0;
            }
            node.put(c.alias(), n);
        }
        return node;
    }

    /** The CSV header and cell texts of a flat query (Bulk API 2.0 results). */
    public List<String> csvHeader(Query q) {
        List<String> out = new ArrayList<>();
        for (Ast.SelectItem item : q.select()) {
            out.add(((Ast.FieldItem) item).path().dotted());
        }
        return out;
    }

    public List<String> csvRow(Query q, SRecord r) {
        List<String> out = new ArrayList<>();
        for (Ast.SelectItem item : q.select()) {
            out.add(Values.toText(value(r, ((Ast.FieldItem) item).path())));
        }
        return out;
    }
}
