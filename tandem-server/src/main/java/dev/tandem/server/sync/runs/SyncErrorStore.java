package dev.tandem.server.sync.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * SQL over {@code sync_errors}. A member (or Salesforce record) has at most one open error per operation: a
 * further failure updates it, success resolves it. Runs inside the caller's transaction.
 */
public final class SyncErrorStore {

    private static final String COLUMNS = "id, run_id, operation, program_id, person_id, sf_record_id, error_code, "
            + "status_code, message, fields, occurred_at, attempts, resolved_at";

    /** Records a failure, folding it into the open error of the same record and operation if there is one. */
    public void record(Handle handle, Long runId, SyncError error) {
        int updated = handle.createUpdate("UPDATE sync_errors SET run_id = :run, error_code = :code, "
                        + "status_code = :status, message = :message, fields = :fields, occurred_at = :at, "
                        + "attempts = attempts + 1 WHERE resolved_at IS NULL AND operation = :op AND "
                        + sameRecord(error))
                .bind("run", runId).bind("code", error.errorCode()).bind("status", error.statusCode())
                .bind("message", clip(error.message(), 4000)).bind("fields", clip(String.join(",", error.fields()), 2000))
                .bind("at", error.occurredAt()).bind("op", error.operation().label())
                .bind("program", error.programId()).bind("person", error.personId())
                .bind("record", error.sfRecordId())
                .execute();
        if (updated == 0) {
            handle.createUpdate("INSERT INTO sync_errors (run_id, operation, program_id, person_id, sf_record_id, "
                            + "error_code, status_code, message, fields, occurred_at, attempts) VALUES (:run, :op, "
                            + ":program, :person, :record, :code, :status, :message, :fields, :at, 1)")
                    .bind("run", runId).bind("code", error.errorCode()).bind("status", error.statusCode())
                    .bind("message", clip(error.message(), 4000))
                    .bind("fields", clip(String.join(",", error.fields()), 2000))
                    .bind("at", error.occurredAt()).bind("op", error.operation().label())
                    .bind("program", error.programId()).bind("person", error.personId())
                    .bind("record", error.sfRecordId())
                    .execute();
        }
    }

    /** Resolves the open errors of one member for these operations (its record went through). */
    public void resolveMember(Handle handle, Collection<Operation> operations, long programId, long personId,
                              Instant now) {
        handle.createUpdate("UPDATE sync_errors SET resolved_at = :now WHERE resolved_at IS NULL "
                        + "AND operation IN (<ops>) AND program_id = :program AND person_id = :person")
                .bind("now", now).bindList("ops", operations.stream().map(Operation::label).toList())
                .bind("program", programId).bind("person", personId)
                .execute();
    }

    /** Of these people of a program, those with an open error of these operations (usually none). */
    public java.util.Set<Long> peopleWithOpenErrors(Handle handle, Collection<Operation> operations, long programId,
                                                    Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(handle.createQuery("SELECT DISTINCT person_id FROM sync_errors "
                        + "WHERE resolved_at IS NULL AND operation IN (<ops>) AND program_id = :program "
                        + "AND person_id IN (<people>)")
                .bindList("ops", operations.stream().map(Operation::label).toList()).bind("program", programId)
                .bindList("people", List.copyOf(personIds)).mapTo(Long.class).list());
    }

    /** Of these Salesforce record ids, those with an open error of the operation (usually none). */
    public java.util.Set<String> openRecordIds(Handle handle, Operation operation, Collection<String> recordIds) {
        java.util.Set<String> open = new java.util.HashSet<>();
        List<String> ids = List.copyOf(recordIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            open.addAll(handle.createQuery("SELECT DISTINCT sf_record_id FROM sync_errors WHERE resolved_at IS NULL "
                            + "AND operation = :op AND sf_record_id IN (<ids>)")
                    .bind("op", operation.label()).bindList("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .mapTo(String.class).list());
        }
        return open;
    }

    /** Resolves the open errors about one Salesforce record for an operation. */
    public void resolveRecord(Handle handle, Operation operation, String sfRecordId, Instant now) {
        handle.createUpdate("UPDATE sync_errors SET resolved_at = :now WHERE resolved_at IS NULL "
                        + "AND operation = :op AND sf_record_id = :record")
                .bind("now", now).bind("op", operation.label()).bind("record", sfRecordId)
                .execute();
    }

    /** Up to {@code limit} errors with ids below {@code beforeId}, newest first; optionally only open ones. */
    public List<SyncError> page(Handle handle, boolean openOnly, long beforeId, int limit) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM sync_errors WHERE id < :before "
                        + (openOnly ? "AND resolved_at IS NULL " : "") + "ORDER BY id DESC LIMIT :limit")
                .bind("before", beforeId).bind("limit", limit)
                .map((rs, ctx) -> row(rs)).list();
    }

    /** The errors with these ids (unknown ids are left out). */
    public List<SyncError> byIds(Handle handle, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("SELECT " + COLUMNS + " FROM sync_errors WHERE id IN (<ids>) ORDER BY id")
                .bindList("ids", List.copyOf(ids)).map((rs, ctx) -> row(rs)).list();
    }

    /** Every open error, oldest first, up to {@code limit}. */
    public List<SyncError> open(Handle handle, int limit) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM sync_errors WHERE resolved_at IS NULL ORDER BY id "
                        + "LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> row(rs)).list();
    }

    /** Deletes errors that occurred before {@code cutoff}; returns how many. */
    public int purgeBefore(Handle handle, Instant cutoff) {
        return handle.createUpdate("DELETE FROM sync_errors WHERE occurred_at < :cutoff").bind("cutoff", cutoff)
                .execute();
    }

    private static String sameRecord(SyncError e) {
        if (e.programId() != null && e.personId() != null) {
            return "program_id = :program AND person_id = :person";
        }
        return "sf_record_id = :record";
    }

    private static SyncError row(ResultSet rs) throws SQLException {
        String fields = rs.getString("fields");
        return new SyncError(rs.getLong("id"), (Long) rs.getObject("run_id", Long.class),
                Operation.byLabel(rs.getString("operation")), rs.getObject("program_id", Long.class),
                rs.getObject("person_id", Long.class), rs.getString("sf_record_id"), rs.getString("error_code"),
                rs.getString("status_code"), rs.getString("message"),
                fields == null || fields.isEmpty() ? List.of() : Arrays.asList(fields.split(",")),
                instant(rs, "occurred_at"), rs.getInt("attempts"), instant(rs, "resolved_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
