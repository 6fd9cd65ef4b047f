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

    /** Records that the person qualified now. */
    public void record(Handle h, long campaignId, long personId, boolean before, Instant now) {
        if (before) {
            h.createUpdate("UPDATE automation_qualifications SET last_qualified_at = :now, times = times + 1 "
                            + "WHERE campaign_id = :c AND person_id = :p")
                    .bind("now", now).bind("c", campaignId).bind("p", personId).execute();
        } else {
            h.createUpdate("INSERT INTO automation_qualifications (campaign_id, person_id, last_qualified_at, times) "
                            + "VALUES (:c, :p, :now, 1)")
                    .bind("now", now).bind("c", campaignId).bind("p", personId).execute();
        }
    }
}
