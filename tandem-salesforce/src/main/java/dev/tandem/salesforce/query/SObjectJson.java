package dev.tandem.salesforce.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns Salesforce record JSON (with {@code attributes}, nested parents and sub-queries) into {@link SObject}s. */
public final class SObjectJson {
    private SObjectJson() {
    }

    public static SObject read(JsonNode node) {
        String type = node.path("attributes").path("type").asText(null);
        Map<String, Object> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("attributes")) {
                fields.put(e.getKey(), value(e.getValue()));
            }
        }
        return SObject.of(type, fields);
    }

    /** The records array of a query response. */
    public static List<SObject> records(JsonNode body) {
        List<SObject> records = new ArrayList<>();
        body.path("records").forEach(r -> records.add(read(r)));
        return records;
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isObject() && v.has("records") && v.has("totalSize")) {
            return records(v);
        }
        if (v.isObject()) {
            return read(v);
        }
        return v.toString();
    }
}
