package dev.tandem.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.http.ApiRequest;
import dev.tandem.emulator.http.ApiResponse;
import dev.tandem.emulator.http.Json;
import dev.tandem.emulator.ids.SalesforceIds;
import dev.tandem.emulator.org.RecordService;
import dev.tandem.emulator.org.WriteContext;
import dev.tandem.emulator.schema.FieldDef;
import dev.tandem.emulator.schema.ObjectDef;
import dev.tandem.emulator.store.SRecord;
import dev.tandem.emulator.store.Tx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * sObject Collections: create, update, upsert and delete of up to 200 records per call with per-record results in
 * request order, allOrNone rollback, and retrieve of up to 2,000 ids.
 */
final class CollectionsResource {
    private static final int MAX_RECORDS = 200;
    private static final int MAX_RETRIEVE = 2000;
    private static final String ROLLED_BACK = "Record rolled back because not all records were valid and the request"
            + " was using AllOrNone header";

    private final Context ctx;

    CollectionsResource(Context ctx) {
        this.ctx = ctx;
    }

    /** One record's operation inside a collection call. */
    private interface RecordOp {
        /** Performs the write and returns the success result; throws ApiException for a per-record failure. */
        ObjectNode apply(WriteContext w, JsonNode record);
    }

    private record Parsed(boolean allOrNone, List<JsonNode> records) {
    }

    private static Parsed parseBody(ApiRequest req) {
        ObjectNode body = Json.parseObject(req.body());
        JsonNode records = body.get("records");
        if (records == null || !records.isArray()) {
            throw ApiException.badRequest("JSON_PARSER_ERROR", "The request body must contain a records array");
        }
        if (records.size() > MAX_RECORDS) {
            throw ApiException.badRequest("EXCEEDED_ID_LIMIT",
                    "record limit reached. cannot submit more than 200 records into this call");
        }
        JsonNode aon = body.get("allOrNone");
        if (aon != null && !aon.isBoolean() && !aon.isNull()) {
            throw ApiException.badRequest("JSON_PARSER_ERROR", "Cannot deserialize instance of boolean from "
                    + aon.getNodeType() + " for field allOrNone");
        }
        List<JsonNode> list = new ArrayList<>();
        for (JsonNode r : records) {
            if (!r.isObject()) {
                throw ApiException.badRequest("JSON_PARSER_ERROR", "Each element of records must be a JSON object");
            }
            list.add(r);
        }
        return new Parsed(aon != null && aon.asBoolean(), list);
    }

    private ObjectDef typeOf(JsonNode record) {
        JsonNode attrs = record.get("attributes");
        JsonNode type = attrs == null ? null : attrs.get("type");
        if (type == null || !type.isTextual()) {
            throw ApiException.badRequest("INVALID_INPUT", "Each record must carry attributes.type", List.of());
        }
        ObjectDef def = ctx.org().schema().object(type.textValue());
        if (def == null) {
            throw ApiException.badRequest("INVALID_TYPE", "sObject type '" + type.textValue() + "' is not supported.",
                    List.of());
        }
        return def;
    }

    private ApiResponse run(ApiRequest req, Parsed parsed, boolean idInFailure, RecordOp op) {
        ArrayNode results = ctx.write(req, w -> {
            ArrayNode out = Json.MAPPER.createArrayNode();
            List<Boolean> failed = new ArrayList<>();
            for (JsonNode record : parsed.records()) {
                Tx one = w.tx().child();
                try {
                    ApiException injected = req.recordFault().next();
                    if (injected != null) {
                        throw injected;
                    }
                    out.add(op.apply(new WriteContext(w.principal(), one, w.now()), record));
                    one.commit();
                    failed.add(false);
                } catch (ApiException e) {
                    one.rollback();
                    out.add(failure(idInFailure ? idOf(record) : null, e));
                    failed.add(true);
                }
            }
            if (parsed.allOrNone() && failed.contains(true)) {
                w.tx().rollback();
                for (int i = 0; i < out.size(); i++) {
                    if (!failed.get(i)) {
                        String id = out.get(i).path("id").textValue();
                        out.set(i, failure(idInFailure ? id : null, ApiException.badRequest(
                                "ALL_OR_NONE_OPERATION_ROLLED_BACK", ROLLED_BACK, List.of())));
                    }
                }
            }
            return out;
        });
        return ApiResponse.json(200, results);
    }

    private static String idOf(JsonNode record) {
        JsonNode id = record.get("id") != null ? record.get("id") : record.get("Id");
        return id != null && id.isTextual() ? id.textValue() : null;
    }

    private static ObjectNode failure(String id, ApiException e) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        if (id != null) {
            n.put("id", id);
        }
        n.put("success", false);
        n.putArray("errors").add(Json.recordError(e));
        return n;
    }

    ApiResponse create(ApiRequest req) {
        Parsed parsed = parseBody(req);
        for (JsonNode r : parsed.records()) {
            typeOf(r);
        }
        RecordService records = ctx.org().records();
        return run(req, parsed, false, (w, record) -> {
            ObjectDef type = typeOf(record);
            Map<FieldDef, Object> input = FieldInput.parse(type, (ObjectNode) record, false);
            return SObjectResource.saveResult(records.create(w, type, input).id(), null);
        });
    }

    ApiResponse update(ApiRequest req) {
        Parsed parsed = parseBody(req);
        for (JsonNode r : parsed.records()) {
            typeOf(r);
        }
        RecordService records = ctx.org().records();
        return run(req, parsed, true, (w, record) -> {
            ObjectDef type = typeOf(record);
            String raw = idOf(record);
            if (raw == null) {
                throw ApiException.badRequest("MISSING_ARGUMENT", "Id not specified in an update call", List.of());
            }
            String id = Context.recordId(type, raw);
            Map<FieldDef, Object> input = FieldInput.parse(type, (ObjectNode) record, true);
            records.update(w, type, id, input);
            return SObjectResource.saveResult(id, null);
        });
    }

    ApiResponse upsert(ApiRequest req, ObjectDef type, String fieldName) {
        FieldDef key = SObjectResource.externalIdField(type, fieldName);
        Parsed parsed = parseBody(req);
        RecordService records = ctx.org().records();
        return run(req, parsed, false, (w, record) -> {
            if (!typeOf(record).equals(type)) {
                throw ApiException.badRequest("INVALID_TYPE", "Record type does not match the URL's object "
                        + type.name(), List.of());
            }
            Map<FieldDef, Object> input = FieldInput.parse(type, (ObjectNode) record, true);
            Object value = input.get(key);
            if (value == null) {
                throw ApiException.badRequest("MISSING_ARGUMENT", key.name() + " not specified", List.of(key.name()));
            }
            if (key.name().equals("Id")) {
                String id = Context.recordId(type, value.toString());
                records.update(w, type, id, input);
                return SObjectResource.saveResult(id, false);
            }
            if (ctx.org().store().table(type).findByKey(key.name(), value).size() > 1) {
                throw ApiException.badRequest("DUPLICATE_EXTERNAL_ID", key.name() + ": more than one record found for"
                        + " external id field: " + value, List.of(key.name()));
            }
            RecordService.UpsertOutcome o = records.upsert(w, type, key, value, input);
            return SObjectResource.saveResult(o.record().id(), o.created());
        });
    }

    ApiResponse delete(ApiRequest req) {
        String idsParam = req.param("ids");
        if (idsParam == null || idsParam.isBlank()) {
            throw ApiException.badRequest("MISSING_ARGUMENT", "The ids parameter is required");
        }
        List<String> ids = Arrays.stream(idsParam.split(",")).map(String::trim).toList();
        if (ids.size() > MAX_RECORDS) {
            throw ApiException.badRequest("EXCEEDED_ID_LIMIT",
                    "record limit reached. cannot submit more than 200 records into this call");
        }
        boolean allOrNone = "true".equalsIgnoreCase(req.param("allOrNone"));
        List<JsonNode> records = new ArrayList<>();
        ids.forEach(id -> records.add(Json.MAPPER.createObjectNode().put("id", id)));
        RecordService service = ctx.org().records();
        return run(req, new Parsed(allOrNone, records), true, (w, record) -> {
            String raw = record.get("id").textValue();
            String id = SalesforceIds.normalize(raw);
            ObjectDef type = id == null ? null : ctx.org().schema().objectForId(id);
            if (type == null) {
                throw ApiException.badRequest("MALFORMED_ID", "malformed id " + raw, List.of());
            }
            service.delete(w, type, id);
            return SObjectResource.saveResult(id, null);
        });
    }

    ApiResponse retrieve(ApiRequest req, ObjectDef type) {
        List<String> ids;
        String fields;
        if (req.method().equals("POST")) {
            ObjectNode body = Json.parseObject(req.body());
            ids = new ArrayList<>();
            body.path("ids").forEach(n -> ids.add(n.asText()));
            List<String> f = new ArrayList<>();
            body.path("fields").forEach(n -> f.add(n.asText()));
            fields = String.join(",", f);
        } else {
            String p = req.param("ids");
            ids = p == null || p.isBlank() ? List.of() : Arrays.stream(p.split(",")).map(String::trim).toList();
            fields = req.param("fields");
        }
        if (ids.isEmpty()) {
            throw ApiException.badRequest("MISSING_ARGUMENT", "The ids parameter is required");
        }
        if (fields == null || fields.isBlank()) {
            throw ApiException.badRequest("MISSING_ARGUMENT", "The fields parameter is required");
        }
        if (ids.size() > MAX_RETRIEVE) {
            throw ApiException.badRequest("EXCEEDED_ID_LIMIT", "cannot retrieve more than 2000 records in one call");
        }
        List<FieldDef> fieldList = SObjectResource.fieldList(type, fields);
        List<String> canonical = new ArrayList<>();
        for (String raw : ids) {
            canonical.add(Context.recordId(type, raw));
        }
        return ctx.read(() -> {
            ArrayNode out = Json.MAPPER.createArrayNode();
            for (String id : canonical) {
                SRecord r = ctx.org().store().table(type).get(id);
                if (r == null || r.isDeleted()) {
                    out.addNull();
                } else {
                    out.add(RecordJson.render(r, req.version(), fieldList));
                }
            }
            return ApiResponse.json(200, out);
        });
    }
}
