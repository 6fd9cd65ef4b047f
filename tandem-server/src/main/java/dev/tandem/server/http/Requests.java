package dev.tandem.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;

/** Reads and validates request input the Marketo way: every problem becomes an {@link ApiException} naming the field. */
public final class Requests {
    private final ObjectMapper mapper;

    public Requests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The JSON object body; 612 unless the content type is JSON, 609 unless it parses to an object. */
    public JsonNode jsonBody(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new ApiException(ErrorCode.INVALID_CONTENT_TYPE,
                    "Invalid Content Type: expected application/json, got " + (type == null ? "none" : type));
        }
        JsonNode node;
        try {
            node = mapper.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorCode.INVALID_JSON, "Invalid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ApiException(ErrorCode.INVALID_JSON, "Invalid JSON: the body must be a JSON object");
        }
        return node;
    }

    /** Requires a form-urlencoded body (612 otherwise), as Marketo's asset API does for writes. */
    public static void requireForm(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            throw new ApiException(ErrorCode.INVALID_CONTENT_TYPE,
                    "Invalid Content Type: expected application/x-www-form-urlencoded, got " + (type == null ? "none" : type));
        }
    }

    /** The {@code input} array of a batch body: 701 when absent or empty, 1003 above {@code max} records. */
    public static List<JsonNode> inputArray(JsonNode body, int max) {
        JsonNode input = body.get("input");
        if (input == null || input.isNull() || (input.isArray() && input.isEmpty())) {
            throw ApiException.blank("input");
        }
        if (!input.isArray()) {
            throw ApiException.invalid("input", "must be an array of objects");
        }
        if (input.size() > max) {
            throw new ApiException(ErrorCode.INVALID_DATA,
                    "Invalid data: input holds " + input.size() + " records, more than the limit of " + max);
        }
        List<JsonNode> records = new ArrayList<>(input.size());
        input.forEach(records::add);
        return records;
    }

    /** A required, non-blank text field of a JSON body (701 otherwise). */
    public static String requiredText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            throw ApiException.blank(field);
        }
        if (!node.isTextual()) {
            throw ApiException.invalid(field, "must be a string");
        }
        return node.asText();
    }

    /** A required, non-blank parameter from the query string or the form body (701 otherwise). */
    public static String requiredParam(Context ctx, String name) {
        String value = param(ctx, name);
        if (value == null || value.isBlank()) {
            throw ApiException.blank(name);
        }
        return value;
    }

    /** A parameter from the query string, else from a form body; null when absent. */
    public static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null && isForm(ctx)) {
            value = ctx.formParam(name);
        }
        return value;
    }

    /** An optional integer parameter within [min, max]; 1003 naming it when out of range or not a number. */
    public static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
        String raw = param(ctx, name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "'" + raw + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw ApiException.invalid(name, value + " is outside " + min + ".." + max);
        }
        return value;
    }

    /** A comma-separated list parameter of at most {@code max} items (1003 above), blanks dropped; empty when absent. */
    public static List<String> listParam(Context ctx, String name, int max) {
        String raw = param(ctx, name);
        List<String> values = new ArrayList<>();
        if (raw != null) {
            for (String part : raw.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        if (values.size() > max) {
            throw ApiException.invalid(name, values.size() + " values given, the limit is " + max);
        }
        return values;
    }

    /** Parses ids of a list parameter; 1003 naming the parameter for a value that is not a whole number. */
    public static List<Long> longs(String name, List<String> values) {
        List<Long> ids = new ArrayList<>(values.size());
        for (String value : values) {
            ids.add(parseLong(name, value));
        }
        return ids;
    }

    /** Parses one id; 1003 naming the field when it is not a whole number. */
    public static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "'" + value + "' is not a whole number");
        }
    }

    /** A path parameter that must be a positive id; 610 otherwise, since no such resource can exist. */
    public static long pathId(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "Requested resource not found: '" + ctx.pathParam(name) + "' is not an id");
        }
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
    }
}
