package dev.tandem.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.emulator.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response before it is written: status, content type, body and extra headers. */
public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    public static final String JSON = "application/json;charset=UTF-8";
    public static final String CSV = "text/csv";

    public static ApiResponse json(int status, JsonNode node) {
        return new ApiResponse(status, JSON, Json.bytes(node), new LinkedHashMap<>());
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, new byte[0], new LinkedHashMap<>());
    }

    public static ApiResponse empty(int status) {
        return new ApiResponse(status, null, new byte[0], new LinkedHashMap<>());
    }

    public static ApiResponse csv(int status, String text) {
        return new ApiResponse(status, CSV, text.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    public static ApiResponse error(ApiException e) {
        return json(e.status(), Json.errorBody(e));
    }

    /** The same response with one more header. */
    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The body parsed as JSON (used when composite embeds a sub-response). */
    public JsonNode jsonBody() {
        return body.length == 0 ? null : Json.parse(body);
    }
}
