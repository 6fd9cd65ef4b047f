package dev.tandem.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.schema.FieldDef;
import dev.tandem.emulator.schema.ObjectDef;
import dev.tandem.emulator.schema.Values;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a JSON record body into typed field values, resolving names case-insensitively. */
final class FieldInput {
    private FieldInput() {
    }

    /**
     * Reads every key except "attributes" (and, when {@code idAllowed}, "Id"). Unknown names give INVALID_FIELD,
     * wrong JSON types give JSON_PARSER_ERROR.
     */
    static Map<FieldDef, Object> parse(ObjectDef type, ObjectNode body, boolean idAllowed) {
        Map<FieldDef, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = body.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (key.equals("attributes")) {
                continue;
            }
            if (key.equalsIgnoreCase("Id")) {
                if (idAllowed) {
                    continue;
                }
                throw ApiException.badRequest("INVALID_FIELD", "cannot specify Id in an insert call", List.of("Id"));
            }
            FieldDef f = type.field(key);
            if (f == null) {
                throw ApiException.badRequest("INVALID_FIELD", "No such column '" + key + "' on sobject of type "
                        + type.name(), List.of(key));
            }
            out.put(f, Values.fromJson(f, e.getValue()));
        }
        return out;
    }
}
