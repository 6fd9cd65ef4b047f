package dev.tandem.server.api;

import dev.tandem.core.activity.Activity;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.domain.activity.ActivityQuery;
import dev.tandem.server.http.ApiException;
import dev.tandem.server.http.Envelope;
import dev.tandem.server.http.Requests;
import dev.tandem.server.http.Responses;
import dev.tandem.server.store.Page;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Marketo's activity endpoints: the type catalogue, a paging token from a date-time, and the activity pages that
 * follow it. Every page carries a token to resume from, even the last one for now, so a client can poll.
 */
final class ActivitiesResource {
    static final int MAX_TYPE_IDS = 10;
    static final int MAX_LEAD_IDS = 30;

    // Marketo's own example uses "-08:00"; clients also send "Z", "+0000" or a bare date.
    private static final DateTimeFormatter SINCE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private final ActivityLog log;

    ActivitiesResource(ActivityLog log) {
        this.log = log;
    }

    void routes(Javalin app) {
        app.get("/rest/v1/activities/types.json", this::types);
        app.get("/rest/v1/activities/pagingtoken.json", this::pagingToken);
        app.get("/rest/v1/activities.json", this::activities);
    }

    private void types(Context ctx) {
        Responses.ok(ctx, Arrays.stream(ActivityType.values()).map(Representations::activityType).toList());
    }

    private void pagingToken(Context ctx) {
        Instant since = since(Requests.requiredParam(ctx, "sinceDatetime"));
        ctx.json(new Envelope(Responses.requestId(ctx), true, List.of(), List.of(), null, null, log.pagingToken(since)));
    }

    private void activities(Context ctx) {
        String token = Requests.requiredParam(ctx, "nextPageToken");
        List<String> typeParams = Requests.listParam(ctx, "activityTypeIds", MAX_TYPE_IDS);
        if (typeParams.isEmpty()) {
            throw ApiException.blank("activityTypeIds");
        }
        Set<Integer> typeIds = new LinkedHashSet<>();
        for (long id : Requests.longs("activityTypeIds", typeParams)) {
            if (id > Integer.MAX_VALUE || ActivityType.byId((int) id).isEmpty()) {
                throw ApiException.invalid("activityTypeIds", "no activity type has id " + id
                        + " (see /rest/v1/activities/types.json)");
            }
            typeIds.add((int) id);
        }
        Set<Long> leadIds = new LinkedHashSet<>(Requests.longs("leadIds", Requests.listParam(ctx, "leadIds", MAX_LEAD_IDS)));
        int batchSize = Requests.intParam(ctx, "batchSize", ActivityLog.MAX_BATCH, 1, ActivityLog.MAX_BATCH);
        Page<Activity> page = log.read(new ActivityQuery(typeIds, leadIds), token, batchSize);
        Responses.page(ctx, page.items().stream().map(Representations::activity).toList(), page.moreResult(),
                page.nextPageToken());
    }

    static Instant since(String raw) {
        String value = raw.trim();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            var parsed = SINCE.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime odt ? odt.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("sinceDatetime", "'" + raw + "' is not a date-time like 2026-11-28T13:22:17-08:00");
        }
    }
}
