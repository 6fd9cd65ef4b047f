package dev.tandem.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.http.Json;
import dev.tandem.emulator.org.Org;
import dev.tandem.emulator.org.WriteContext;
import dev.tandem.emulator.schema.FieldDef;
import dev.tandem.emulator.schema.ObjectDef;
import dev.tandem.emulator.schema.Values;
import dev.tandem.emulator.store.Tx;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads records from {"Lead":[{...}],"Campaign":[{...}],...} as the integration user, with full validation, all or
 * nothing. A record may name itself with "attributes":{"referenceId":"x"}; later values "@{x}" become its id.
 */
public final class Seeder {
    private static final Pattern REFERENCE = Pattern.compile("@\\{([A-Za-z0-9_]+)}");

    private final Org org;

    public Seeder(Org org) {
        this.org = org;
    }

    /** Seeds and returns the new ids per object, in input order. */
    public ObjectNode seed(String json) {
        JsonNode root = Json.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (!root.isObject()) {
            throw ApiException.badRequest("JSON_PARSER_ERROR", "The seed must be a JSON object of arrays");
        }
        org.store().lock().writeLock().lock();
        Tx tx = Tx.root();
        try {
            WriteContext ctx = org.context(org.integrationUser(), tx);
            Map<String, String> refs = new HashMap<>();
            ObjectNode out = Json.MAPPER.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> objects = root.fields();
            while (objects.hasNext()) {
                Map.Entry<String, JsonNode> e = objects.next();
                ObjectDef type = org.schema().object(e.getKey());
                if (type == null || !e.getValue().isArray()) {
                    throw ApiException.badRequest("INVALID_TYPE", "sObject type '" + e.getKey()
                            + "' is not supported (or its value is not an array)");
                }
                ArrayNode ids = out.putArray(type.name());
                int index = 0;
                for (JsonNode rec : e.getValue()) {
                    if (!rec.isObject()) {
                        throw ApiException.badRequest("JSON_PARSER_ERROR", type.name() + "[" + index
                                + "] is not a JSON object");
                    }
                    try {
                        Map<FieldDef, Object> input = fields(type, (ObjectNode) rec, refs);
                        String id = org.records().create(ctx, type, input).id();
                        ids.add(id);
                        String ref = rec.path("attributes").path("referenceId").asText(null);
                        if (ref != null) {
                            refs.put(ref, id);
                        }
                    } catch (ApiException ex) {
                        throw new ApiException(ex.status(), ex.errorCode(), type.name() + "[" + index + "]: "
                                + ex.getMessage(), ex.fields());
                    }
                    index++;
                }
            }
            return out;
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        } finally {
            org.store().lock().writeLock().unlock();
        }
    }

    private static Map<FieldDef, Object> fields(ObjectDef type, ObjectNode rec, Map<String, String> refs) {
        Map<FieldDef, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = rec.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("attributes")) {
                continue;
            }
            FieldDef f = type.field(e.getKey());
            if (f == null) {
                throw ApiException.badRequest("INVALID_FIELD", "No such column '" + e.getKey()
                        + "' on sobject of type " + type.name(), List.of(e.getKey()));
            }
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                Matcher m = REFERENCE.matcher(v.textValue());
                if (m.matches()) {
                    String id = refs.get(m.group(1));
                    if (id == null) {
                        throw ApiException.badRequest("INVALID_CROSS_REFERENCE_KEY", "unknown seed reference "
                                + v.textValue(), List.of(f.name()));
                    }
                    v = new TextNode(id);
                }
            }
            out.put(f, Values.fromJson(f, v));
        }
        return out;
    }
}
