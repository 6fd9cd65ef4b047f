package dev.tandem.salesforce.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A successful response: status, headers and the raw body. */
public record ApiResponse(int status, HttpHeaders headers, byte[] body, String resource) {

    public JsonNode json() {
        return Json.read(body, resource);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }
}
