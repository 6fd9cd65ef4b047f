package dev.tandem.server.sync.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** SQL over {@code sync_runs}: counters are stored as JSON keyed by operation label. */
public final class RunStore {

    private static final TypeReference<Map<String, OperationCounts>> COUNTERS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, kind, started_at, finished_at, outcome, counters, api_calls, note";

    private final ObjectMapper json;

    /** A store writing counters with this mapper. */
    public RunStore(ObjectMapper json) {
        this.json = json;
    }

    /** Records that a run started (so its errors can point at it) and returns its id. */
    public long begin(Handle handle, String kind, Instant startedAt) {
        return handle.createUpdate("INSERT INTO sync_runs (kind, started_at, counters, api_calls) "
                        + "VALUES (:kind, :started, '{}', 0)")
                .bind("kind", kind).bind("started", startedAt)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Stores how a run begun with {@link #begin} ended. */
    public void finish(Handle handle, RunReport report) {
        handle.createUpdate("UPDATE sync_runs SET finished_at = :finished, outcome = :outcome, counters = :counters, "
                        + "api_calls = :calls, note = :note WHERE id = :id")
                .bind("id", report.id()).bind("finished", report.finishedAt()).bind("outcome", report.outcome().name())
                .bind("counters", write(report.operations())).bind("calls", report.apiCalls())
                .bind("note", report.note())
                .execute();
    }

    /** Up to {@code limit} runs with ids below {@code beforeId}, newest first. */
    public List<RunReport> page(Handle handle, long beforeId, int limit) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM sync_runs WHERE id < :before ORDER BY id DESC "
                        + "LIMIT :limit")
                .bind("before", beforeId).bind("limit", limit).map((rs, ctx) -> row(rs)).list();
    }

    /** Deletes one run. */
    public void delete(Handle handle, long id) {
        handle.createUpdate("DELETE FROM sync_runs WHERE id = :id").bind("id", id).execute();
    }

    /** Deletes runs started before {@code cutoff}; returns how many. */
    public int purgeBefore(Handle handle, Instant cutoff) {
        return handle.createUpdate("DELETE FROM sync_runs WHERE started_at < :cutoff").bind("cutoff", cutoff).execute();
    }

    private String write(Map<Operation, OperationCounts> operations) {
        Map<String, OperationCounts> byLabel = new LinkedHashMap<>();
        for (Operation op : Operation.values()) {
            if (operations.containsKey(op)) {
                byLabel.put(op.label(), operations.get(op));
            }
        }
        try {
            return json.writeValueAsString(byLabel);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run counters could not be written as JSON", e);
        }
    }

    private RunReport row(ResultSet rs) throws SQLException {
        Map<Operation, OperationCounts> operations = new EnumMap<>(Operation.class);
        try {
            json.readValue(rs.getString("counters"), COUNTERS)
                    .forEach((label, counts) -> operations.put(Operation.byLabel(label), counts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored run " + rs.getLong("id") + " has unreadable counters", e);
        }
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new RunReport(rs.getLong("id"), rs.getString("kind"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getString("outcome") == null ? RunOutcome.RUNNING : RunOutcome.valueOf(rs.getString("outcome")),
                operations, rs.getLong("api_calls"), rs.getString("note"));
    }
}
