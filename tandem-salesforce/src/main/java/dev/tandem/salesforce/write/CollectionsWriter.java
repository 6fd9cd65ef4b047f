package dev.tandem.salesforce.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.http.ApiCall;
import dev.tandem.salesforce.http.Backoff;
import dev.tandem.salesforce.http.ErrorBodies;
import dev.tandem.salesforce.http.Json;
import dev.tandem.salesforce.http.RetryPolicy;
import dev.tandem.salesforce.http.Sleeper;
import dev.tandem.salesforce.http.Transport;
import dev.tandem.salesforce.query.Identifiers;
import dev.tandem.salesforce.error.ApiError;
import dev.tandem.salesforce.error.ErrorCodes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Writes records through sObject Collections, 200 per request with {@code allOrNone=false}; results are matched
 * to the input by position. Records that fail only with a transient error (row lock) were not applied, so they
 * alone are sent again after a backoff.
 *
 * <p>Replay rule for creates: a collections create is never replayed after a timeout or a dropped connection
 * (it may have been committed); the caller gets {@code outcomeUnknown()} and must reconcile, e.g. through
 * DUPLICATE_VALUE or an external-id upsert. Update, upsert and delete are idempotent and replayed freely.
 */
public final class CollectionsWriter {
    /** Salesforce's per-request record limit for sObject Collections. */
    public static final int CHUNK = 200;
    private final Transport transport;
    private final String dataPath;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public CollectionsWriter(Transport transport, String dataPath, RetryPolicy retry, Sleeper sleeper,
                             RandomGenerator random) {
        this.transport = transport;
        this.dataPath = dataPath;
        this.retry = retry;
        this.sleeper = sleeper;
        this.random = random;
    }

    public List<SaveResult> create(String type, List<? extends Map<String, ?>> records) {
        return write(WriteOperation.INSERT, type, null, records);
    }

    public List<SaveResult> update(String type, List<? extends Map<String, ?>> records) {
        return write(WriteOperation.UPDATE, type, null, records);
    }

    public List<SaveResult> upsert(String type, String externalIdField, List<? extends Map<String, ?>> records) {
        Identifiers.field(externalIdField);
        return write(WriteOperation.UPSERT, type, externalIdField, records);
    }

    public List<SaveResult> delete(List<String> ids) {
        if (ids == null) {
            throw new IllegalArgumentException("ids must not be null");
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            try {
                records.add(Map.of("Id", Identifiers.recordId(ids.get(i))));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("id " + i + ": " + bad.getMessage(), bad);
            }
        }
        return run(WriteOperation.DELETE, null, null, records);
    }

    /** Validates everything first, then writes in chunks of {@value #CHUNK}. */
    public List<SaveResult> write(WriteOperation op, String type, String externalIdField,
                                  List<? extends Map<String, ?>> records) {
        Identifiers.object(type);
        return run(op, type, externalIdField, RecordValues.prepare(op, records, externalIdField));
    }

    private List<SaveResult> run(WriteOperation op, String type, String extId, List<Map<String, Object>> records) {
        SaveResult[] results = new SaveResult[records.size()];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            pending.add(i);
        }
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                pause(attempt - 1);
            }
            List<Integer> retryable = new ArrayList<>();
            for (int from = 0; from < pending.size(); from += CHUNK) {
                List<Integer> chunk = pending.subList(from, Math.min(pending.size(), from + CHUNK));
                List<SaveResult> chunkResults;
                try {
                    chunkResults = send(op, type, extId, records, chunk);
                } catch (SalesforceException e) {
                    throw new PartialWriteException(e, Arrays.stream(results).filter(r -> r != null).toList());
                }
                for (SaveResult r : chunkResults) {
                    results[r.index()] = r;
                    if (r.isTransientFailure() && attempt < retry.maxAttempts()) {
                        retryable.add(r.index());
                    }
                }
            }
            pending = retryable;
        }
        return List.of(results);
    }

    private List<SaveResult> send(WriteOperation op, String type, String extId, List<Map<String, Object>> records,
                                  List<Integer> chunk) {
        ApiCall call;
        if (op == WriteOperation.DELETE) {
            StringBuilder ids = new StringBuilder();
            for (int i : chunk) {
                ids.append(ids.length() == 0 ? "" : ",").append(records.get(i).get("Id"));
            }
            call = ApiCall.json("DELETE", "composite/sobjects", dataPath + "/composite/sobjects?ids=" + ids
                    + "&allOrNone=false", null);
        } else {
            List<Map<String, Object>> body = new ArrayList<>(chunk.size());
            for (int i : chunk) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("attributes", Map.of("type", type));
                r.putAll(records.get(i));
                body.add(r);
            }
            Map<String, Object> payload = Map.of("allOrNone", false, "records", body);
            call = switch (op) {
                case INSERT -> ApiCall.json("POST", "composite/sobjects", dataPath + "/composite/sobjects", payload);
                case UPDATE -> ApiCall.json("PATCH", "composite/sobjects", dataPath + "/composite/sobjects", payload);
                default -> ApiCall.json("PATCH", "composite/sobjects", dataPath + "/composite/sobjects/" + type + "/"
                        + extId, payload);
            };
        }
        JsonNode array = transport.send(call).json();
        if (!array.isArray() || array.size() != chunk.size()) {
            throw Json.unexpected("composite/sobjects", "expected " + chunk.size() + " results, got "
                    + (array.isArray() ? array.size() : array.getNodeType()));
        }
        List<SaveResult> out = new ArrayList<>(chunk.size());
        for (int k = 0; k < chunk.size(); k++) {
            out.add(parse(op, chunk.get(k), array.get(k)));
        }
        return out;
    }

    /** One per-record result; {@code created} is reported by upsert and implied by a successful insert. */
    static SaveResult parse(WriteOperation op, int index, JsonNode node) {
        boolean success = node.path("success").asBoolean(false);
        String id = node.hasNonNull("id") ? node.get("id").asText() : null;
        List<RecordError> errors = new ArrayList<>();
        for (JsonNode e : node.path("errors")) {
            ApiError parsed = ErrorBodies.fromNode(e);
            errors.add(parsed == null ? new RecordError("UNKNOWN", e.toString(), List.of())
                    : new RecordError(parsed.errorCode(), parsed.message(), parsed.fields()));
        }
        if (!success && errors.isEmpty()) {
            errors.add(new RecordError(ErrorCodes.UNEXPECTED_RESPONSE, "failed without an error", List.of()));
        }
        boolean created = success && (op == WriteOperation.INSERT
                || op == WriteOperation.UPSERT && node.path("created").asBoolean(false));
        return new SaveResult(index, id, success, created, errors);
    }

    private void pause(int retryNumber) {
        try {
            sleeper.sleep(Backoff.delay(retry, retryNumber, random.nextDouble()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceException(0, List.of(new ApiError(ErrorCodes.CONNECTION_FAILED,
                    "interrupted while waiting to retry locked records", List.of())), false, e);
        }
    }
}
