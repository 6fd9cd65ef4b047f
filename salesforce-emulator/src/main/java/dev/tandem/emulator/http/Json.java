package dev.tandem.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.emulator.error.ApiException;
import java.io.IOException;

/** The shared Jackson mapper and Salesforce's error envelopes. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private Json() {
    }

    /** Parses a request body, turning any syntax problem into JSON_PARSER_ERROR. */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("JSON_PARSER_ERROR", "No content to map due to end-of-input");
        }
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null || n.isMissingNode()) {
                throw ApiException.badRequest("JSON_PARSER_ERROR", "No content to map due to end-of-input");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("JSON_PARSER_ERROR", e.getOriginalMessage() + " at [line:"
                    + (e.getLocation() == null ? 1 : e.getLocation().getLineNr()) + ", column:"
                    + (e.getLocation() == null ? 1 : e.getLocation().getColumnNr()) + "]");
        } catch (IOException e) {
            throw ApiException.badRequest("JSON_PARSER_ERROR", String.valueOf(e.getMessage()));
        }
    }

    /** Parses a body that must be a JSON object. */
    public static ObjectNode parseObject(byte[] body) {
        JsonNode n = parse(body);
        if (!n.isObject()) {
            throw ApiException.badRequest("JSON_PARSER_ERROR", "Cannot deserialize instance of object from "
                    + (n.isArray() ? "START_ARRAY" : "VALUE") + " token");
        }
        return (ObjectNode) n;
    }

    /** Single-resource error body: [{"message":…,"errorCode":…,"fields":[…]}] (fields only when known). */
    public static ArrayNode errorBody(ApiException e) {
        ArrayNode arr = MAPPER.createArrayNode();
        ObjectNode o = arr.addObject();
        o.put("message", e.getMessage());
        o.put("errorCode", e.errorCode());
        if (e.fields() != null) {
            ArrayNode f = o.putArray("fields");
            e.fields().forEach(f::add);
        }
        return arr;
    }

    /** Per-record error inside collection results: {"statusCode":…,"message":…,"fields":[…]}. */
    public static ObjectNode recordError(ApiException e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("statusCode", e.errorCode());
        o.put("message", e.getMessage());
        ArrayNode f = o.putArray("fields");
        if (e.fields() != null) {
            e.fields().forEach(f::add);
        }
        return o;
    }

    public static byte[] bytes(JsonNode n) {
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
