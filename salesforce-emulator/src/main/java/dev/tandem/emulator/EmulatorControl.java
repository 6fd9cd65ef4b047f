package dev.tandem.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.emulator.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A typed client for the emulator's /__emulator__/ control plane, speaking real HTTP with java.net.http. */
public final class EmulatorControl {
    private final Supplier<String> baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A client for the emulator at the given base URL (e.g. a standalone one). */
    public EmulatorControl(String baseUrl) {
        this(() -> baseUrl);
    }

    EmulatorControl(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A control-plane call that the emulator refused. */
    public static final class ControlException extends RuntimeException {
        private final int status;

        ControlException(int status, String body) {
            super("control plane answered HTTP " + status + ": " + body);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private JsonNode call(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s
                    : Json.MAPPER.writeValueAsString(body));
            HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl.get() + "/__emulator__" + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .method(method, publisher)
                    .build();
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() >= 300) {
                throw new ControlException(resp.statusCode(), resp.body());
            }
            return resp.body().isEmpty() ? null : Json.MAPPER.readTree(resp.body());
        } catch (IOException e) {
            throw new IllegalStateException("control plane unreachable at " + baseUrl.get(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling the control plane", e);
        }
    }

    /** Restores the baseline org: data, clock, limits, faults, request log and the configured seed. */
    public void reset() {
        call("POST", "/reset", null);
    }

    /** Loads records ({"Lead":[{...}],...}) and returns the new ids per object as JSON. */
    public String seed(String json) {
        return call("POST", "/seed", json).toString();
    }

    public Instant now() {
        return Instant.parse(call("GET", "/clock", null).path("now").asText());
    }

    /** Freezes the org clock at an instant; afterwards only {@link #advanceClock} moves it. */
    public void setClock(Instant at) {
        call("POST", "/clock", Map.of("now", at.toString()));
    }

    public void advanceClock(Duration by) {
        call("POST", "/clock", Map.of("advanceSeconds", by.toSeconds()));
    }

    /** Arms a fault rule and returns its id. */
    public String addFault(FaultRule r) {
        return call("POST", "/faults", r).path("id").asText();
    }

    public void clearFaults() {
        call("DELETE", "/faults", null);
    }

    /** Sets the daily API request counter and maximum. */
    public void setApiUsage(long used, long max) {
        call("POST", "/limits", Map.of("DailyApiRequests", Map.of("Max", max, "Used", used)));
    }

    /** API calls counted so far today. */
    public long apiCallsUsed() {
        return call("GET", "/limits", null).path("DailyApiRequests").path("Used").asLong();
    }

    /** Ends every open session: the next call with any access token gets 401 INVALID_SESSION_ID. */
    public void expireSessions() {
        call("POST", "/sessions/expire", null);
    }

    public void setMarketingUser(String username, boolean on) {
        call("POST", "/users/" + URLEncoder.encode(username, StandardCharsets.UTF_8),
                Map.of("UserPermissionsMarketingUser", on));
    }

    /** Converts a lead and returns the new contact's id. */
    public String convertLead(String leadId) {
        return call("POST", "/leads/" + leadId + "/convert", null).path("contactId").asText();
    }

    public List<RecordedRequest> requests() {
        List<RecordedRequest> out = new ArrayList<>();
        for (JsonNode n : call("GET", "/requests", null)) {
            out.add(new RecordedRequest(n.path("method").asText(), n.path("path").asText(),
                    n.path("query").isNull() ? null : n.path("query").asText(), n.path("status").asInt(),
                    n.path("countedAsApiCall").asBoolean(), Instant.parse(n.path("at").asText())));
        }
        return out;
    }

    public void clearRequests() {
        call("DELETE", "/requests", null);
    }

    /** Calls per endpoint family, e.g. "query", "composite/sobjects", "bulk/ingest", "oauth2/token". */
    public Map<String, Long> callCounters() {
        Map<String, Long> out = new LinkedHashMap<>();
        call("GET", "/counters", null).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    /** A refresh token for a user, standing in for a web-server OAuth flow. */
    public String refreshToken(String username) {
        return call("POST", "/refresh-tokens", Map.of("username", username)).path("refresh_token").asText();
    }

    /** Mints an access token for a user without an OAuth flow; returns the token response JSON. */
    public String mintToken(String username) {
        ObjectNode n = (ObjectNode) call("POST", "/tokens", Map.of("username", username));
        return n.toString();
    }
}
