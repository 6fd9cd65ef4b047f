package dev.tandem.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.core.person.Person;
import dev.tandem.server.domain.people.LookupField;
import dev.tandem.server.domain.people.PeopleService;
import dev.tandem.server.domain.people.PersonInput;
import dev.tandem.server.domain.people.PersonResult;
import dev.tandem.server.domain.people.SyncAction;
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
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Marketo's lead endpoints: sync (createOrUpdate, createOnly, updateOnly, createDuplicate by lookupField), query by
 * filterType/filterValues with paging, get by id, and describe. A record whose values are invalid (say, a malformed
 * email) is skipped with 1003 naming the field; the valid records of the same call are written in one transaction.
 */
final class LeadsResource {
    static final int MAX_RECORDS = 300;

    private final PeopleService people;
    private final Requests requests;

    LeadsResource(PeopleService people, Requests requests) {
        this.people = people;
        this.requests = requests;
    }

    void routes(Javalin app) {
        app.post("/rest/v1/leads.json", this::sync);
        app.get("/rest/v1/leads.json", this::query);
        app.get("/rest/v1/leads/describe.json", this::describe);
        app.get("/rest/v1/lead/{id}.json", this::get);
    }

    private void sync(Context ctx) {
        JsonNode body = requests.jsonBody(ctx);
        SyncAction action = SyncAction.parse(optionalText(body, "action"));
        LookupField lookupField = LookupField.parse(optionalText(body, "lookupField"));
        List<JsonNode> input = Requests.inputArray(body, MAX_RECORDS);

        // Records with invalid values are answered here; only the others reach the service, which numbers its
        // results by position in what it was given, so positions are mapped back to the client's input order.
        RecordResult[] results = new RecordResult[input.size()];
        List<PersonInput> valid = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int seq = 0; seq < input.size(); seq++) {
            try {
                valid.add(personInput(seq, input.get(seq)));
                positions.add(seq);
            } catch (IllegalArgumentException e) {
                results[seq] = RecordResult.skipped(seq, ErrorCode.INVALID_DATA.error("Invalid data: " + e.getMessage()));
            }
        }
        if (!valid.isEmpty()) {
            for (PersonResult result : people.sync(action, lookupField, valid)) {
                int seq = positions.get(result.seq());
                results[seq] = switch (result.status()) {
                    case CREATED -> RecordResult.lead(seq, result.id(), "created");
                    case UPDATED -> RecordResult.lead(seq, result.id(), "updated");
                    case SKIPPED -> RecordResult.skipped(seq, new ApiError(result.reason().code(), result.reason().message()));
                };
            }
        }
        Responses.ok(ctx, List.of(results));
    }

    private static PersonInput personInput(int seq, JsonNode record) {
        if (!record.isObject()) {
            throw new IllegalArgumentException("input[" + seq + "]: must be an object of lead fields");
        }
        Map<String, String> values = new HashMap<>();
        Long id = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("id")) {
                if (!value.isNull() && !value.canConvertToLong()) {
                    throw new IllegalArgumentException("id: must be a whole number, got " + value);
                }
                id = value.isNull() ? null : value.asLong();
                continue;
            }
            if (!LeadFields.WRITABLE.contains(name)) {
                throw new IllegalArgumentException(name + ": not a writable lead field (writable: "
                        + String.join(", ", LeadFields.WRITABLE) + ")");
            }
            if (value.isContainerNode()) {
                throw new IllegalArgumentException(name + ": must be a single value");
            }
            values.put(name, value.isNull() ? null : value.asText());
        }
        return new PersonInput(id, LeadFields.fields(values));
    }

    private void query(Context ctx) {
        String filterType = Requests.requiredParam(ctx, "filterType");
        List<String> values = Requests.listParam(ctx, "filterValues", MAX_RECORDS);
        if (values.isEmpty()) {
            throw ApiException.blank("filterValues");
        }
        List<String> fields = LeadFields.requested(Requests.listParam(ctx, "fields", 1000));
        int batchSize = Requests.intParam(ctx, "batchSize", MAX_RECORDS, 1, MAX_RECORDS);
        Page<Person> page = people.find(LookupField.parse(filterType), values, batchSize, Requests.param(ctx, "nextPageToken"));
        Responses.page(ctx, page.items().stream().map(p -> Representations.person(p, fields)).toList(),
                page.moreResult(), page.nextPageToken());
    }

    private void get(Context ctx) {
        long id = Requests.pathId(ctx, "id");
        List<String> fields = LeadFields.requested(Requests.listParam(ctx, "fields", 1000));
        // Marketo answers an unknown id with an empty result, not an error.
        Responses.ok(ctx, people.get(id).map(p -> List.of(Representations.person(p, fields))).orElse(List.of()));
    }

    private void describe(Context ctx) {
        List<Map<String, Object>> result = new ArrayList<>();
        LeadFields.TYPES.forEach((name, type) -> {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("displayName", name);
            field.put("dataType", type);
            if (type.equals("string") || type.equals("email") || type.equals("phone")) {
                field.put("length", 255);
            }
            field.put("rest", Map.of("name", name, "readOnly", !LeadFields.WRITABLE.contains(name)));
            result.add(field);
        });
        Responses.ok(ctx, result);
    }

    private static String optionalText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.invalid(field, "must be a string");
        }
        return node.asText();
    }
}
