package dev.tandem.salesforce.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.salesforce.error.ApiError;
import dev.tandem.salesforce.error.ErrorCodes;
import dev.tandem.salesforce.error.SalesforceException;
import java.io.IOException;
import java.util.List;

/** The client's one Jackson mapper and strict helpers around it. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);

    private Json() {
    }

    /** Serialises a request body; values are plain maps, lists, strings, numbers and booleans. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be sent as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses a response body, turning garbage into a typed error naming the resource. */
    public static JsonNode read(byte[] body, String resource) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw unexpected(resource, "empty body");
            }
            return node;
        } catch (IOException e) {
            throw unexpected(resource, "body is not JSON");
        }
    }

    /** A typed error for a response the client cannot interpret. */
    public static SalesforceException unexpected(String resource, String what) {
        return new SalesforceException(0, new ApiError(ErrorCodes.UNEXPECTED_RESPONSE,
                "unexpected response from " + resource + ": " + what, List.of()));
    }
}
