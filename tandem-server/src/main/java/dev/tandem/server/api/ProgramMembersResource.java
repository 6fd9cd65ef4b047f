package dev.tandem.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.core.membership.ChangeSource;
import dev.tandem.core.membership.Membership;
import dev.tandem.server.domain.membership.ChangeContext;
import dev.tandem.server.domain.membership.MemberResult;
import dev.tandem.server.domain.membership.MembershipService;
import dev.tandem.server.domain.programs.ProgramService;
import dev.tandem.server.http.ApiError;
import dev.tandem.server.http.ApiException;
import dev.tandem.server.http.ErrorCode;
import dev.tandem.server.http.RecordResult;
import dev.tandem.server.http.Requests;
import dev.tandem.server.http.Responses;
import dev.tandem.server.store.Page;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Marketo's program member endpoints: query by lead, status or success; upsert a status (forward only, lower steps
 * skipped with 1037, unknown statuses 1025); delete members (non-members skipped with 1037). Each write is one
 * transaction in the membership service, and its results come back in input order.
 */
final class ProgramMembersResource {
    static final int MAX_RECORDS = 300;
    /** Marketo refuses non-leadId member queries over this many matching members (use a bulk export instead). */
    static final long QUERY_CAP = 100_000;

    private final MembershipService memberships;
    private final ProgramService programs;
    private final Requests requests;

    ProgramMembersResource(MembershipService memberships, ProgramService programs, Requests requests) {
        this.memberships = memberships;
        this.programs = programs;
        this.requests = requests;
    }

    void routes(Javalin app) {
        app.get("/rest/v1/programs/{id}/members.json", this::query);
        app.post("/rest/v1/programs/{id}/members/status.json", this::changeStatus);
        app.post("/rest/v1/programs/{id}/members/delete.json", this::delete);
    }

    private void query(Context ctx) {
        long programId = Requests.pathId(ctx, "id");
        String filterType = Requests.requiredParam(ctx, "filterType");
        List<String> values = Requests.listParam(ctx, "filterValues", MAX_RECORDS);
        if (values.isEmpty()) {
            throw ApiException.blank("filterValues");
        }
        List<String> fields = MemberFields.requested(Requests.listParam(ctx, "fields", 100));
        int batchSize = Requests.intParam(ctx, "batchSize", MAX_RECORDS, 1, MAX_RECORDS);
        String token = Requests.param(ctx, "nextPageToken");
        if (programs.get(programId).isEmpty()) {
            throw ProgramsResource.notFound(programId);
        }
        switch (filterType) {
            case "leadId" -> byLead(ctx, programId, Requests.longs("filterValues", values), fields);
            case "statusName" -> {
                capMatching(programId, values);
                page(ctx, memberships.members(programId, values, batchSize, token), fields, m -> true);
            }
            case "reachedSuccess" -> {
                boolean wanted = booleanValue(values);
                capMatching(programId, List.of());
                page(ctx, memberships.members(programId, List.of(), batchSize, token), fields,
                        m -> m.reachedSuccess() == wanted);
            }
            default -> throw ApiException.invalid("filterType",
                    "'" + filterType + "' is not supported; use leadId, statusName or reachedSuccess");
        }
    }

    private void byLead(Context ctx, long programId, List<Long> leadIds, List<String> fields) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (long leadId : leadIds) {
            Optional<Membership> membership = memberships.get(programId, leadId);
            membership.ifPresent(m -> result.add(Representations.member(result.size(), m, fields)));
        }
        Responses.page(ctx, result, false, null);
    }

    // Success filtering happens on each keyset page, so a page may hold fewer than batchSize members while
    // moreResult is true: Marketo documents exactly that, and clients page until moreResult is false.
    private void page(Context ctx, Page<Membership> page, List<String> fields,
                      Predicate<Membership> keep) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Membership m : page.items()) {
            if (keep.test(m)) {
                result.add(Representations.member(result.size(), m, fields));
            }
        }
        Responses.page(ctx, result, page.moreResult(), page.nextPageToken());
    }

    private void capMatching(long programId, List<String> statuses) {
        Map<String, Long> counts = memberships.statusCounts(programId);
        long matching = counts.entrySet().stream()
                .filter(e -> statuses.isEmpty() || statuses.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        if (matching > QUERY_CAP) {
            throw new ApiException(ErrorCode.INVALID_DATA, "Invalid data: matching membership size " + matching
                    + " exceeds the limit allowed (" + QUERY_CAP + ") for this api; filter by leadId");
        }
    }

    private static boolean booleanValue(List<String> values) {
        if (values.size() != 1) {
            throw ApiException.invalid("filterValues", "reachedSuccess takes exactly one value, true or false");
        }
        String value = values.get(0).toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw ApiException.invalid("filterValues", "reachedSuccess must be true or false, got '" + values.get(0) + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private void changeStatus(Context ctx) {
        long programId = Requests.pathId(ctx, "id");
        JsonNode body = requests.jsonBody(ctx);
        String statusName = Requests.requiredText(body, "statusName");
        List<Long> leadIds = leadIds(Requests.inputArray(body, MAX_RECORDS));
        List<MemberResult> results = memberships.changeStatus(programId, leadIds, statusName,
                ChangeContext.of(ChangeSource.API, "Changed by API"));
        Responses.ok(ctx, results.stream().map(ProgramMembersResource::record).toList());
    }

    private void delete(Context ctx) {
        long programId = Requests.pathId(ctx, "id");
        JsonNode body = requests.jsonBody(ctx);
        List<Long> leadIds = leadIds(Requests.inputArray(body, MAX_RECORDS));
        List<MemberResult> results = memberships.remove(programId, leadIds,
                ChangeContext.of(ChangeSource.API, "Removed by API"));
        Responses.ok(ctx, results.stream().map(ProgramMembersResource::record).toList());
    }

    /** Every record must name a lead: a malformed record rejects the whole request before anything is written. */
    private static List<Long> leadIds(List<JsonNode> input) {
        List<Long> ids = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            JsonNode leadId = input.get(i).get("leadId");
            if (leadId == null || leadId.isNull() || leadId.asText().isBlank()) {
                throw ApiException.blank("input[" + i + "].leadId");
            }
            if (!leadId.canConvertToLong() || (!leadId.isIntegralNumber() && !leadId.asText().matches("\\d+"))) {
                throw ApiException.invalid("input[" + i + "].leadId", "must be a whole number, got " + leadId);
            }
            ids.add(leadId.isIntegralNumber() ? leadId.asLong() : Long.parseLong(leadId.asText()));
        }
        return ids;
    }

    private static RecordResult record(MemberResult result) {
        return switch (result.status()) {
            case CREATED -> RecordResult.member(result.seq(), result.personId(), "created");
            case UPDATED -> RecordResult.member(result.seq(), result.personId(), "updated");
            case DELETED -> RecordResult.member(result.seq(), result.personId(), "deleted");
            case SKIPPED -> new RecordResult(result.seq(), null, result.personId(), "skipped",
                    List.of(new ApiError(result.reason().code(), result.reason().message())));
        };
    }
}
