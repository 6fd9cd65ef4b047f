package dev.tandem.emulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.http.ApiRequest;
import dev.tandem.emulator.http.ApiResponse;
import dev.tandem.emulator.http.Json;
import dev.tandem.emulator.org.RecordService;
import dev.tandem.emulator.schema.FieldDef;
import dev.tandem.emulator.schema.ObjectDef;
import dev.tandem.emulator.schema.Values;
import dev.tandem.emulator.store.SRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** /sobjects: describeGlobal, describe, single-record CRUD and upsert by external id. */
final class SObjectResource {
    private final Context ctx;
    private final Describer describer;

    SObjectResource(Context ctx) {
        this.ctx = ctx;
        this.describer = new Describer(ctx.org().schema());
    }

    ApiResponse describeGlobal(ApiRequest req) {
        boolean marketing = ctx.read(() -> ctx.org().records().isMarketingUser(req.principal()));
        return ApiResponse.json(200, describer.global(req.version(), marketing));
    }

    ApiResponse basicInfo(ApiRequest req, ObjectDef type) {
        boolean marketing = ctx.read(() -> ctx.org().records().isMarketingUser(req.principal()));
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.set("objectDescribe", describer.summary(type, req.version(), marketing));
        root.putArray("recentItems");
        return ApiResponse.json(200, root);
    }

    ApiResponse describe(ApiRequest req, ObjectDef type) {
        boolean marketing = ctx.read(() -> ctx.org().records().isMarketingUser(req.principal()));
        return ApiResponse.json(200, describer.describe(type, req.version(), marketing));
    }

    ApiResponse create(ApiRequest req, ObjectDef type) {
        ObjectNode body = Json.parseObject(req.body());
        Map<FieldDef, Object> input = FieldInput.parse(type, body, false);
        SRecord rec = ctx.write(req, w -> ctx.org().records().create(w, type, input));
        return ApiResponse.json(201, saveResult(rec.id(), null))
                .header("Location", RecordJson.url(req.version(), rec));
    }

    static ObjectNode saveResult(String id, Boolean created) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("id", id);
        n.put("success", true);
        n.putArray("errors");
        if (created != null) {
            n.put("created", created);
        }
        return n;
    }

    ApiResponse retrieve(ApiRequest req, ObjectDef type, String rawId) {
        String id = Context.recordId(type, rawId);
        List<FieldDef> fields = fieldList(type, req.param("fields"));
        return ctx.read(() -> {
            SRecord rec = ctx.org().store().table(type).get(id);
            if (rec == null) {
                throw ApiException.notFound();
            }
            if (rec.isDeleted()) {
                throw new ApiException(404, "ENTITY_IS_DELETED", "entity is deleted", List.of());
            }
            return ApiResponse.json(200, RecordJson.render(rec, req.version(), fields));
        });
    }

    /** The fields named in a "fields" parameter (all fields when absent), or INVALID_FIELD. */
    static List<FieldDef> fieldList(ObjectDef type, String csv) {
        if (csv == null || csv.isBlank()) {
            return new ArrayList<>(type.fields());
        }
        List<FieldDef> out = new ArrayList<>();
        for (String name : csv.split(",")) {
            FieldDef f = type.field(name.trim());
            if (f == null) {
                throw ApiException.badRequest("INVALID_FIELD", "No such column '" + name.trim()
                        + "' on entity '" + type.name() + "'. If you are attempting to use a custom field, be sure to"
                        + " append the '__c' after the custom field name. Please reference your WSDL or the describe"
                        + " call for the appropriate names.");
            }
            out.add(f);
        }
        return out;
    }

    ApiResponse update(ApiRequest req, ObjectDef type, String rawId) {
        String id = Context.recordId(type, rawId);
        ObjectNode body = Json.parseObject(req.body());
        Map<FieldDef, Object> input = FieldInput.parse(type, body, true);
        ctx.write(req, w -> ctx.org().records().update(w, type, id, input));
        return ApiResponse.noContent();
    }

    ApiResponse delete(ApiRequest req, ObjectDef type, String rawId) {
        String id = Context.recordId(type, rawId);
        ctx.write(req, w -> {
            ctx.org().records().delete(w, type, id);
            return null;
        });
        return ApiResponse.noContent();
    }

    /** The external-id field named in a URL, or Salesforce's NOT_FOUND for a field that is no external id. */
    static FieldDef externalIdField(ObjectDef type, String name) {
        FieldDef f = type.field(name);
        if (f == null || !(f.externalId() || f.name().equals("Id"))) {
            throw new ApiException(404, "NOT_FOUND",
                    "Provided external ID field does not exist or is not accessible: " + name);
        }
        return f;
    }

    ApiResponse upsert(ApiRequest req, ObjectDef type, String fieldName, String value) {
        FieldDef key = externalIdField(type, fieldName);
        ObjectNode body = Json.parseObject(req.body());
        Map<FieldDef, Object> input = FieldInput.parse(type, body, false);
        Object keyValue = Values.fromText(key, value);
        boolean updateOnly = "true".equalsIgnoreCase(req.param("updateOnly"));
        return ctx.write(req, w -> {
            if (key.name().equals("Id")) {
                String id = Context.recordId(type, value);
                ctx.org().records().update(w, type, id, input);
                return ApiResponse.json(200, saveResult(id, false));
            }
            Set<String> matches = ctx.org().store().table(type).findByKey(key.name(), keyValue);
            if (matches.size() > 1) {
                ArrayNode urls = Json.MAPPER.createArrayNode();
                matches.forEach(id -> urls.add("/services/data/" + req.version() + "/sobjects/" + type.name() + "/"
                        + id));
                return ApiResponse.json(300, urls);
            }
            if (matches.isEmpty() && updateOnly) {
                throw ApiException.notFound();
            }
            RecordService.UpsertOutcome out = ctx.org().records().upsert(w, type, key, keyValue, input);
            ApiResponse resp = ApiResponse.json(out.created() ? 201 : 200, saveResult(out.record().id(),
                    out.created()));
            return out.created() ? resp.header("Location", RecordJson.url(req.version(), out.record())) : resp;
        });
    }

    ApiResponse retrieveByExternalId(ApiRequest req, ObjectDef type, String fieldName, String value) {
        FieldDef key = externalIdField(type, fieldName);
        Object keyValue = Values.fromText(key, value);
        List<FieldDef> fields = fieldList(type, req.param("fields"));
        return ctx.read(() -> {
            Set<String> matches = ctx.org().store().table(type).findByKey(key.name(), keyValue);
            if (matches.isEmpty()) {
                throw ApiException.notFound();
            }
            if (matches.size() > 1) {
                ArrayNode urls = Json.MAPPER.createArrayNode();
                matches.forEach(id -> urls.add("/services/data/" + req.version() + "/sobjects/" + type.name() + "/"
                        + id));
                return ApiResponse.json(300, urls);
            }
            SRecord rec = ctx.org().store().table(type).get(matches.iterator().next());
            return ApiResponse.json(200, RecordJson.render(rec, req.version(), fields));
        });
    }

    ApiResponse deleteByExternalId(ApiRequest req, ObjectDef type, String fieldName, String value) {
        FieldDef key = externalIdField(type, fieldName);
        Object keyValue = Values.fromText(key, value);
        return ctx.write(req, w -> {
            Set<String> matches = ctx.org().store().table(type).findByKey(key.name(), keyValue);
            if (matches.isEmpty()) {
                throw ApiException.notFound();
            }
            if (matches.size() > 1) {
                throw new ApiException(300, "MULTIPLE_CHOICES", "more than one record matches " + key.name() + " = "
                        + value);
            }
            ctx.org().records().delete(w, type, matches.iterator().next());
            return ApiResponse.noContent();
        });
    }
}
