package dev.tandem.server.sync.mirror;

import dev.tandem.server.store.IdMatch;
import dev.tandem.server.sync.outbox.MemberKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL over {@code campaign_member_mirror}; every method runs inside the caller's transaction. */
public final class MirrorStore {

    private static final String COLUMNS = "program_id, person_id, campaign_id, sf_member_id, sf_status, sf_modstamp, "
            + "last_pushed_status, last_pulled_at";

    /** The mirror row of one member. */
    public Optional<MirrorRow> get(Handle handle, MemberKey member) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM campaign_member_mirror WHERE program_id = :program "
                        + "AND person_id = :person")
                .bind("program", member.programId()).bind("person", member.personId())
                .map((rs, ctx) -> row(rs)).findOne();
    }

    /**
     * Serializes the writers of these people's mirror rows until the transaction ends: a pulled page and a push
     * settlement each derive their campaign activity from the mirror row as it is, so neither may read it while
     * the other is about to change it. The people rows are locked (in id order), because they exist whether or not
     * a mirror row does. Read the mirror only after this.
     */
    public void lockPeople(Handle handle, Collection<Long> personIds) {
        List<Long> ids = personIds.stream().distinct().sorted().toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            handle.createQuery("SELECT id FROM people WHERE id IN (<ids>) ORDER BY id FOR UPDATE")
                    .bindList("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .mapTo(Long.class).list();
        }
    }

    /** The mirror rows of these members of one program, keyed by member. */
    public Map<MemberKey, MirrorRow> get(Handle handle, long programId, Collection<Long> personIds) {
        Map<MemberKey, MirrorRow> rows = new HashMap<>();
        if (personIds.isEmpty()) {
            return rows;
        }
        IdMatch people = IdMatch.of(handle);
        people.bind(handle.createQuery("SELECT " + COLUMNS + " FROM campaign_member_mirror WHERE "
                        + people.condition("program_id", "program", "person_id", "people")), "people", personIds)
                .bind("program", programId)
                .map((rs, ctx) -> row(rs)).forEach(r -> rows.put(r.member(), r));
        return rows;
    }

    /** The mirror rows holding these CampaignMember ids, keyed by that id. */
    public Map<String, MirrorRow> bySalesforceIds(Handle handle, Collection<String> memberIds) {
        Map<String, MirrorRow> rows = new HashMap<>();
        if (memberIds.isEmpty()) {
            return rows;
        }
        handle.createQuery("SELECT " + COLUMNS + " FROM campaign_member_mirror WHERE sf_member_id IN (<ids>)")
                .bindList("ids", List.copyOf(memberIds))
                .map((rs, ctx) -> row(rs)).forEach(r -> rows.put(r.sfMemberId(), r));
        return rows;
    }

    /** Streams the mirror of one program in person id order (a reconcile merges it with both sides). */
    public void forEachOfProgram(Handle handle, long programId, Consumer<MirrorRow> sink) {
        handle.createQuery("SELECT " + COLUMNS + " FROM campaign_member_mirror WHERE program_id = :program "
                        + "ORDER BY person_id")
                .bind("program", programId).setFetchSize(1000)
                .map((rs, ctx) -> row(rs)).forEach(sink);
    }

    /** Stores what Salesforce now holds for a member, replacing any earlier row of the member or the CampaignMember. */
    public void put(Handle handle, MirrorRow row) {
        handle.createUpdate("DELETE FROM campaign_member_mirror WHERE (program_id = :program AND person_id = :person) "
                        + "OR sf_member_id = :memberId")
                .bind("program", row.member().programId()).bind("person", row.member().personId())
                .bind("memberId", row.sfMemberId()).execute();
        handle.createUpdate("INSERT INTO campaign_member_mirror (" + COLUMNS + ") VALUES (:program, :person, "
                        + ":campaign, :memberId, :status, :modstamp, :pushed, :pulledAt)")
                .bind("program", row.member().programId()).bind("person", row.member().personId())
                .bind("campaign", row.campaignId()).bind("memberId", row.sfMemberId()).bind("status", row.sfStatus())
                .bind("modstamp", row.sfModstamp()).bind("pushed", row.lastPushedStatus())
                .bind("pulledAt", row.lastPulledAt())
                .execute();
    }

    /** {@link #put} for many rows at once (one batch per statement); a member must appear at most once. */
    public void putAll(Handle handle, List<MirrorRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch byMember = handle.prepareBatch("DELETE FROM campaign_member_mirror WHERE program_id = :program "
                + "AND person_id = :person");
        PreparedBatch byId = handle.prepareBatch("DELETE FROM campaign_member_mirror WHERE sf_member_id = :memberId");
        PreparedBatch insert = handle.prepareBatch("INSERT INTO campaign_member_mirror (" + COLUMNS + ") VALUES "
                + "(:program, :person, :campaign, :memberId, :status, :modstamp, :pushed, :pulledAt)");
        for (MirrorRow row : rows) {
            byMember.bind("program", row.member().programId()).bind("person", row.member().personId()).add();
            byId.bind("memberId", row.sfMemberId()).add();
            insert.bind("program", row.member().programId()).bind("person", row.member().personId())
                    .bind("campaign", row.campaignId()).bind("memberId", row.sfMemberId())
                    .bind("status", row.sfStatus()).bind("modstamp", row.sfModstamp())
                    .bind("pushed", row.lastPushedStatus()).bind("pulledAt", row.lastPulledAt()).add();
        }
        byMember.execute();
        byId.execute();
        insert.execute();
    }

    /** Forgets many members at once. */
    public void deleteAll(Handle handle, Collection<MemberKey> members) {
        if (members.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("DELETE FROM campaign_member_mirror WHERE program_id = :program "
                + "AND person_id = :person");
        members.forEach(m -> batch.bind("program", m.programId()).bind("person", m.personId()).add());
        batch.execute();
    }

    /** Forgets a member Salesforce no longer holds. */
    public void delete(Handle handle, MemberKey member) {
        handle.createUpdate("DELETE FROM campaign_member_mirror WHERE program_id = :program AND person_id = :person")
                .bind("program", member.programId()).bind("person", member.personId()).execute();
    }

    /**
     * Forgets the program's members not seen in Salesforce since {@code since} (a full read of the campaign
     * started then and did not find them); returns how many.
     */
    public int deleteUnseenSince(Handle handle, long programId, Instant since) {
        return handle.createUpdate("DELETE FROM campaign_member_mirror WHERE program_id = :program "
                        + "AND (last_pulled_at IS NULL OR last_pulled_at < :since)")
                .bind("program", programId).bind("since", since).execute();
    }

    /** How many members of one program Salesforce holds, as far as Tandem knows. */
    public long count(Handle handle, long programId) {
        return handle.createQuery("SELECT COUNT(*) FROM campaign_member_mirror WHERE program_id = :program")
                .bind("program", programId).mapTo(Long.class).one();
    }

    private static MirrorRow row(ResultSet rs) throws SQLException {
        return new MirrorRow(new MemberKey(rs.getLong("program_id"), rs.getLong("person_id")),
                rs.getString("campaign_id"), rs.getString("sf_member_id"), rs.getString("sf_status"),
                instant(rs, "sf_modstamp"), rs.getString("last_pushed_status"), instant(rs, "last_pulled_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
