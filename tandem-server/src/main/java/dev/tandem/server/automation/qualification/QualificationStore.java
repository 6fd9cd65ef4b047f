package dev.tandem.server.automation.qualification;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** When each person last qualified for each campaign ({@code automation_qualifications}); caller's transaction. */
public final class QualificationStore {

    /** Last qualification time per person of {@code personIds} that qualified for the campaign before. */
    public Map<Long, Instant> lastQualified(Handle h, long campaignId, Collection<Long> personIds) {
        Map<Long, Instant> last = new HashMap<>();
        if (personIds.isEmpty()) {
            return last;
        }
        h.createQuery("SELECT person_id, last_qualified_at FROM automation_qualifications WHERE campaign_id = :c "
                        + "AND person_id IN (<ids>)")
                .bind("c", campaignId).bindList("ids", List.copyOf(personIds))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .forEach(e -> last.put(e.getKey(), e.getValue()));
        return last;
    }

    /** One person qualifying for one campaign; {@code before} says whether they had qualified earlier. */
    public record Qualified(long campaignId, long personId, boolean before) {
    }

    /** Last qualification time per (campaign id, person id) of these people, for every campaign. */
    public Map<List<Long>, Instant> lastQualified(Handle h, Collection<Long> personIds) {
        Map<List<Long>, Instant> last = new HashMap<>();
        if (personIds.isEmpty()) {
            return last;
        }
        h.createQuery("SELECT campaign_id, person_id, last_qualified_at FROM automation_qualifications "
                        + "WHERE person_id IN (<ids>)")
                .bindList("ids", List.copyOf(personIds))
                .map((rs, ctx) -> Map.entry(List.of(rs.getLong(1), rs.getLong(2)),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .forEach(e -> last.put(e.getKey(), e.getValue()));
        return last;
    }

    /** Records that these people qualified now, in two batched statements. */
    public void record(Handle h, List<Qualified> qualified, Instant now) {
        var updates = h.prepareBatch("UPDATE automation_qualifications SET last_qualified_at = :now, times = times + 1 "
                + "WHERE campaign_id = :c AND person_id = :p");
        var inserts = h.prepareBatch("INSERT INTO automation_qualifications (campaign_id, person_id, "
                + "last_qualified_at, times) VALUES (:c, :p, :now, 1)");
        int updated = 0;
        int inserted = 0;
        for (Qualified q : qualified) {
            var batch = q.before() ? updates : inserts;
            batch.bind("now", now).bind("c", q.campaignId()).bind("p", q.personId()).add();
            if (q.before()) {
                updated++;
            } else {
                inserted++;
            }
        }
        if (updated > 0) {
            updates.execute();
        }
        if (inserted > 0) {
            inserts.execute();
        }
    }
}
