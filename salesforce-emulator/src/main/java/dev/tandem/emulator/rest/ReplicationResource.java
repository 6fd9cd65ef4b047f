package dev.tandem.emulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.http.ApiRequest;
import dev.tandem.emulator.http.ApiResponse;
import dev.tandem.emulator.http.Json;
import dev.tandem.emulator.schema.ObjectDef;
import dev.tandem.emulator.schema.Values;
import dev.tandem.emulator.store.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** getUpdated and getDeleted: ids changed or deleted in a window, at minute granularity. */
final class ReplicationResource {
    private static final Duration UPDATED_HISTORY = Duration.ofDays(30);
    private static final Duration DELETED_HISTORY = Duration.ofDays(15);
    private static final int MAX_IDS = 600_000;

    private final Context ctx;

    ReplicationResource(Context ctx) {
        this.ctx = ctx;
    }

    private record Window(Instant start, Instant latestCovered) {
    }

    private Window window(ApiRequest req, Duration history) {
        Instant start = instant(req, "start");
        Instant end = instant(req, "end");
        if (!start.isBefore(end)) {
            throw ApiException.badRequest("INVALID_REPLICATION_DATE", "startDate must chronologically precede endDate");
        }
        Instant now = ctx.org().clock().now();
        Instant earliest = now.minus(history).truncatedTo(ChronoUnit.MINUTES);
        if (start.isBefore(earliest)) {
            throw ApiException.badRequest("INVALID_REPLICATION_DATE", "startDate cannot be more than "
                    + history.toDays() + " days ago");
        }
        Instant settled = now.minus(ctx.config().replicationSettleDelay()).truncatedTo(ChronoUnit.MINUTES);
        Instant latest = end.isBefore(settled) ? end : settled;
        return new Window(start, latest.isBefore(start) ? start : latest);
    }

    private static Instant instant(ApiRequest req, String name) {
        String raw = req.param(name);
        if (raw == null) {
            throw ApiException.badRequest("MISSING_ARGUMENT", "The " + name + " parameter is required");
        }
        Instant i = Values.parseDateTime(raw);
        if (i == null) {
            throw ApiException.badRequest("INVALID_REPLICATION_DATE", "Invalid " + name + " date: " + raw);
        }
        return i.truncatedTo(ChronoUnit.MINUTES);
    }

    ApiResponse updated(ApiRequest req, ObjectDef type) {
        Window w = window(req, UPDATED_HISTORY);
        return ctx.read(() -> {
            Table table = ctx.org().store().table(type);
            List<String> ids = new ArrayList<>();
            table.liveByModstamp().subMap(w.start(), true, w.latestCovered(), false).values().forEach(ids::addAll);
            if (ids.size() > MAX_IDS) {
                throw ApiException.badRequest("EXCEEDED_ID_LIMIT", "too many ids in the window; narrow it");
            }
            ObjectNode out = Json.MAPPER.createObjectNode();
            ArrayNode arr = out.putArray("ids");
            ids.forEach(arr::add);
            out.put("latestDateCovered", Values.formatDateTime(w.latestCovered()));
            return ApiResponse.json(200, out);
        });
    }

    ApiResponse deleted(ApiRequest req, ObjectDef type) {
        Window w = window(req, DELETED_HISTORY);
        Instant earliest = ctx.org().clock().now().minus(DELETED_HISTORY).truncatedTo(ChronoUnit.MINUTES);
        return ctx.read(() -> {
            Table table = ctx.org().store().table(type);
            ObjectNode out = Json.MAPPER.createObjectNode();
            ArrayNode arr = out.putArray("deletedRecords");
            table.deletedByDate().subMap(w.start(), true, w.latestCovered(), false).forEach((at, ids) ->
                    ids.forEach(id -> arr.addObject().put("id", id).put("deletedDate", Values.formatDateTime(at))));
            if (arr.size() > MAX_IDS) {
                throw ApiException.badRequest("EXCEEDED_ID_LIMIT", "too many ids in the window; narrow it");
            }
            out.put("earliestDateAvailable", Values.formatDateTime(earliest));
            out.put("latestDateCovered", Values.formatDateTime(w.latestCovered()));
            return ApiResponse.json(200, out);
        });
    }
}
