package dev.tandem.salesforce.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.salesforce.error.ApiError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Salesforce error bodies: the REST array {@code [{errorCode|statusCode, message, fields}]}, the OAuth
 * object {@code {error, error_description}}, or anything else (HTML pages, empty bodies) as {@code HTTP_<status>}.
 */
public final class ErrorBodies {
    private ErrorBodies() {
    }

    /** The errors of a failed response; never empty. */
    public static List<ApiError> parse(int status, byte[] body) {
        List<ApiError> errors = new ArrayList<>();
        JsonNode node = tryRead(body);
        if (node != null && node.isArray()) {
            for (JsonNode e : node) {
                ApiError error = fromNode(e);
                if (error != null) {
                    errors.add(error);
                }
            }
        } else if (node != null && node.isObject()) {
            ApiError error = node.has("error") ? new ApiError(node.path("error").asText(),
                    node.path("error_description").asText(""), List.of()) : fromNode(node);
            if (error != null) {
                errors.add(error);
            }
        }
        if (errors.isEmpty()) {
            errors.add(new ApiError("HTTP_" + status, "Salesforce answered HTTP " + status
                    + " without a Salesforce error body", List.of()));
        }
        return errors;
    }

    /** True when the body is Salesforce's own error array, i.e. Salesforce processed and refused the request. */
    public static boolean isSalesforceErrorArray(byte[] body) {
        JsonNode node = tryRead(body);
        return node != null && node.isArray() && node.size() > 0 && fromNode(node.get(0)) != null;
    }

    /** One error element, keyed by {@code errorCode} (REST, composite) or {@code statusCode} (collections). */
    public static ApiError fromNode(JsonNode e) {
        String code = e.hasNonNull("errorCode") ? e.get("errorCode").asText()
                : e.hasNonNull("statusCode") ? e.get("statusCode").asText() : null;
        if (code == null) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        e.path("fields").forEach(f -> fields.add(f.asText()));
        return new ApiError(code, e.path("message").asText(""), fields);
    }

    private static JsonNode tryRead(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }
}
