package dev.tandem.server.automation.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.core.token.TokenText;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The token values one campaign's flow runs see: its program's My Tokens, overridden by the tokens each run's
 * request (trigger.json or schedule.json) carried. The program's tokens are read once, when first needed.
 */
public final class RunTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Map<String, String>> programValues;
    private Map<String, String> program;
    private final Map<String, Map<String, String>> byRequest = new HashMap<>();

    /** @param programValues reads the program's token values keyed by {@link TokenText#key(String)} */
    public RunTokens(Supplier<Map<String, String>> programValues) {
        this.programValues = programValues;
    }

    /** The values a run with these stored request tokens (JSON array of {name, value}, or null) sees. */
    public Map<String, String> forRequest(String requestTokens) {
        if (program == null) {
            program = programValues.get();
        }
        if (requestTokens == null || requestTokens.isBlank()) {
            return program;
        }
        return byRequest.computeIfAbsent(requestTokens, json -> {
            Map<String, String> merged = new LinkedHashMap<>(program);
            merged.putAll(requestValues(json));
            return merged;
        });
    }

    /** The values of stored request tokens, keyed by {@link TokenText#key(String)}. */
    static Map<String, String> requestValues(String json) {
        JsonNode array;
        try {
            array = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored request tokens are not JSON", e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode token : array) {
            String name;
            try {
                name = TokenText.nameOf(token.path("name").asText());
            } catch (IllegalArgumentException e) {
                // The API refuses such names; a row stored before that check cannot stop the flow.
                continue;
            }
            JsonNode value = token.get("value");
            values.put(TokenText.key(name), value == null || value.isNull() ? "" : value.asText());
        }
        return values;
    }
}
