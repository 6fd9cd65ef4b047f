package dev.tandem.server.console.view;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.core.program.ProgramType;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The console's read-only queries: searches and joined tables that the domain services do not offer (they serve
 * the Marketo API's shapes). Offset paging is fine here: people look at the first few pages of a search.
 */
public final class ConsoleQueries {

    private static final TypeReference<LinkedHashMap<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };
    private static final Map<Integer, String> TYPE_NAMES = Arrays.stream(ActivityType.values())
            .collect(Collectors.toMap(ActivityType::id, ActivityType::displayName));

    private final Jdbi jdbi;
    private final ObjectMapper json = new ObjectMapper();

    public ConsoleQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Programs whose name contains {@code search} (any case; all when blank), by name. */
    public Rows<ProgramRow> programs(String search, int offset, int limit) {
        String where = search == null ? "" : " WHERE LOWER(p.name) LIKE :pattern ESCAPE '\\'";
        return jdbi.withHandle(h -> {
            long total = bindPattern(h.createQuery("SELECT COUNT(*) FROM programs p" + where), search)
                    .mapTo(Long.class).one();
            List<ProgramRow> rows = bindPattern(h.createQuery(
                    "SELECT p.id, p.name, p.type, c.name AS channel,"
                            + " (SELECT COUNT(*) FROM memberships m WHERE m.program_id = p.id) AS members,"
                            + " (SELECT COALESCE(SUM(k.amount), 0) FROM program_costs k WHERE k.program_id = p.id)"
                            + " AS cost_total, p.sfdc_campaign_id, p.sfdc_campaign_name"
                            + " FROM programs p JOIN channels c ON c.id = p.channel_id" + where
                            + " ORDER BY LOWER(p.name), p.id LIMIT :limit OFFSET :offset"), search)
                    .bind("limit", limit).bind("offset", offset)
                    .map((rs, ctx) -> new ProgramRow(rs.getLong("id"), rs.getString("name"),
                            typeName(rs.getString("type")), rs.getString("channel"), rs.getLong("members"),
                            rs.getLong("cost_total"), rs.getString("sfdc_campaign_id"),
                            rs.getString("sfdc_campaign_name")))
                    .list();
            return new Rows<>(rows, total);
        });
    }

    /** A program's members with their names, by person id, optionally only those holding {@code status}. */
    public Rows<MemberRow> members(long programId, String status, int offset, int limit) {
        String filter = status == null ? "" : " AND m.status = :status";
        return jdbi.withHandle(h -> {
            Query count = h.createQuery("SELECT COUNT(*) FROM memberships m WHERE m.program_id = :program" + filter)
                    .bind("program", programId);
            long total = (status == null ? count : count.bind("status", status)).mapTo(Long.class).one();
            Query page = h.createQuery("SELECT m.person_id, p.email, p.first_name, p.last_name, p.company, m.status,"
                            + " m.membership_date, m.reached_success, p.sfdc_id"
                            + " FROM memberships m JOIN people p ON p.id = m.person_id"
                            + " WHERE m.program_id = :program" + filter
                            + " ORDER BY m.person_id LIMIT :limit OFFSET :offset")
                    .bind("program", programId).bind("limit", limit).bind("offset", offset);
            List<MemberRow> rows = (status == null ? page : page.bind("status", status))
                    .map((rs, ctx) -> new MemberRow(rs.getLong(1), rs.getString(2), name(rs.getString(3),
                            rs.getString(4)), rs.getString(5), rs.getString(6), instant(rs, 7), rs.getBoolean(8),
                            rs.getString(9)))
                    .list();
            return new Rows<>(rows, total);
        });
    }

    /** People whose email, first or last name or company contains {@code search} (all when blank), by id. */
    public Rows<PersonRow> people(String search, int offset, int limit) {
        String where = search == null ? "" : " WHERE p.email_key LIKE :pattern ESCAPE '\\'"
                + " OR LOWER(p.first_name) LIKE :pattern ESCAPE '\\' OR LOWER(p.last_name) LIKE :pattern ESCAPE '\\'"
                + " OR LOWER(p.company) LIKE :pattern ESCAPE '\\' OR p.sfdc_id = :exact";
        return jdbi.withHandle(h -> {
            long total = bindSearch(h.createQuery("SELECT COUNT(*) FROM people p" + where), search)
                    .mapTo(Long.class).one();
            List<PersonRow> rows = bindSearch(h.createQuery(
                    "SELECT p.id, p.email, p.first_name, p.last_name, p.company, p.sfdc_type, p.sfdc_id, p.created_at"
                            + " FROM people p" + where + " ORDER BY p.id LIMIT :limit OFFSET :offset"), search)
                    .bind("limit", limit).bind("offset", offset)
                    .map((rs, ctx) -> new PersonRow(rs.getLong(1), rs.getString(2), name(rs.getString(3),
                            rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8)))
                    .list();
            return new Rows<>(rows, total);
        });
    }

    /** Every program a person belongs to, newest membership first. */
    public List<PersonMembership> membershipsOf(long personId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT m.program_id, p.name, c.name, m.status, m.membership_date, m.reached_success,"
                                + " m.acquired_by, p.sfdc_campaign_name"
                                + " FROM memberships m JOIN programs p ON p.id = m.program_id"
                                + " JOIN channels c ON c.id = p.channel_id"
                                + " WHERE m.person_id = :person ORDER BY m.membership_date DESC, m.program_id")
                .bind("person", personId)
                .map((rs, ctx) -> new PersonMembership(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), instant(rs, 5), rs.getBoolean(6), rs.getBoolean(7), rs.getString(8)))
                .list());
    }

    /** A person's activity log, newest first. */
    public Rows<ActivityRow> activities(long personId, int offset, int limit) {
        return jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT COUNT(*) FROM activities WHERE person_id = :person")
                    .bind("person", personId).mapTo(Long.class).one();
            List<ActivityRow> rows = h.createQuery(
                            "SELECT id, occurred_at, type_id, primary_attribute_value, attributes FROM activities"
                                    + " WHERE person_id = :person ORDER BY occurred_at DESC, id DESC"
                                    + " LIMIT :limit OFFSET :offset")
                    .bind("person", personId).bind("limit", limit).bind("offset", offset)
                    .map((rs, ctx) -> new ActivityRow(rs.getLong(1), instant(rs, 2), rs.getInt(3),
                            TYPE_NAMES.getOrDefault(rs.getInt(3), "Activity " + rs.getInt(3)), rs.getString(4),
                            attributes(rs.getString(5))))
                    .list();
            return new Rows<>(rows, total);
        });
    }

    /**
     * A smart campaign's flow log, newest first, with the people's names; only entries of one outcome (DONE,
     * SKIPPED, FAILED) when {@code outcome} is given.
     */
    public Rows<FlowLogRow> flowLog(long campaignId, String outcome, int offset, int limit) {
        String filter = outcome == null ? "" : " AND l.outcome = :outcome";
        return jdbi.withHandle(h -> {
            Query count = h.createQuery("SELECT COUNT(*) FROM automation_step_log l WHERE l.campaign_id = :campaign"
                    + filter).bind("campaign", campaignId);
            long total = (outcome == null ? count : count.bind("outcome", outcome)).mapTo(Long.class).one();
            Query page = h.createQuery("SELECT l.id, l.occurred_at, l.person_id, p.first_name, p.last_name, p.email,"
                            + " l.step_index, l.action, l.outcome, l.reason"
                            + " FROM automation_step_log l LEFT JOIN people p ON p.id = l.person_id"
                            + " WHERE l.campaign_id = :campaign" + filter
                            + " ORDER BY l.id DESC LIMIT :limit OFFSET :offset")
                    .bind("campaign", campaignId).bind("limit", limit).bind("offset", offset);
            List<FlowLogRow> rows = (outcome == null ? page : page.bind("outcome", outcome))
                    .map((rs, ctx) -> new FlowLogRow(rs.getLong(1), instant(rs, 2), rs.getLong(3),
                            name(rs.getString(4), rs.getString(5)), rs.getString(6), rs.getInt(7) + 1,
                            rs.getString(8), rs.getString(9).toLowerCase(Locale.ROOT), rs.getString(10)))
                    .list();
            return new Rows<>(rows, total);
        });
    }

    /** Program names by id, for the given ids that exist. */
    public Map<Long, String> programNames(List<Long> ids) {
        return namesById("programs", ids);
    }

    /** Smart campaign names by id, for the given ids that exist. */
    public Map<Long, String> smartCampaignNames(List<Long> ids) {
        return namesById("automation_smart_campaigns", ids);
    }

    /** {@code id → name} of the given ids that exist in {@code table} (one of this class's own table names). */
    private Map<Long, String> namesById(String table, List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM " + table + " WHERE id IN (<ids>)")
                .bindList("ids", ids)
                .reduceRows(new LinkedHashMap<Long, String>(), (map, row) -> {
                    map.put(row.getColumn("id", Long.class), row.getColumn("name", String.class));
                    return map;
                }));
    }

    /** Headline counts. */
    public Overview overview() {
        return jdbi.withHandle(h -> new Overview(
                count(h, "SELECT COUNT(*) FROM programs"),
                count(h, "SELECT COUNT(*) FROM programs WHERE sfdc_campaign_id IS NOT NULL"),
                count(h, "SELECT COUNT(*) FROM people"),
                count(h, "SELECT COUNT(*) FROM memberships")));
    }

    /** The display name of a stored program type. */
    static String typeName(String stored) {
        try {
            return ProgramType.valueOf(stored).apiName();
        } catch (IllegalArgumentException e) {
            return stored;
        }
    }

    /** The LIKE pattern matching values that contain {@code search}, any case, wildcards taken literally. */
    static String containsPattern(String search) {
        String escaped = search.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static Query bindPattern(Query query, String search) {
        return search == null ? query : query.bind("pattern", containsPattern(search));
    }

    private static Query bindSearch(Query query, String search) {
        return search == null ? query : query.bind("pattern", containsPattern(search)).bind("exact", search);
    }

    private static long count(Handle h, String sql) {
        return h.createQuery(sql).mapTo(Long.class).one();
    }

    private static String name(String first, String last) {
        String joined = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        return joined.isEmpty() ? null : joined;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private Map<String, Object> attributes(String stored) {
        try {
            return stored == null ? Map.of() : json.readValue(stored, ATTRIBUTES);
        } catch (IOException e) {
            return Map.of("(unreadable)", stored);
        }
    }
}
