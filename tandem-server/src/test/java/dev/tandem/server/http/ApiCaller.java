package dev.tandem.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.auth.NewApiClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Calls a running Tandem over real HTTP as one API client (tests' plumbing). The bearer token is fetched on first use
 * and again whenever the server says it expired (602), so tests may move the clock by days between calls.
 */
public final class ApiCaller {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final Supplier<URI> base;
    private final NewApiClient client;
    private volatile String token;

    /** The base URI is asked for lazily, since a server's port is known only once it listens. */
    public ApiCaller(Supplier<URI> base, NewApiClient client) {
        this.base = base;
        this.client = client;
    }

    /** The client's token, fetched through the identity endpoint on first use. */
    public synchronized String token() {
        if (token == null) {
            token = newToken();
        }
        return token;
    }

    /** Asks the identity endpoint for a token; the caller keeps using its own until that expires. */
    public String newToken() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/identity/oauth/token?grant_type="
                + "client_credentials&client_id=" + encode(client.clientId()) + "&client_secret="
                + encode(client.clientSecret()))).GET().build());
        return json(response.body()).get("access_token").asText();
    }

    /** GET with the bearer token; the parsed JSON body. */
    public JsonNode get(String pathAndQuery) {
        return call(() -> authorized(pathAndQuery).GET().build());
    }

    /** GET without any access token. */
    public JsonNode getAnonymously(String pathAndQuery) {
        return json(send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build()).body());
    }

    /** POST of a JSON body with the bearer token. */
    public JsonNode postJson(String path, String body) {
        return call(() -> authorized(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** POST of a form-urlencoded body with the bearer token. */
    public JsonNode postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return call(() -> authorized(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    // A request is built again for the retry so that it carries the fresh token; only 602 is retried, since any
    // other refusal is what the test is looking at.
    private JsonNode call(Supplier<HttpRequest> request) {
        JsonNode response = json(send(request.get()).body());
        if (!response.path("success").asBoolean(true)
                && "602".equals(response.path("errors").path(0).path("code").asText())) {
            synchronized (this) {
                token = newToken();
            }
            response = json(send(request.get()).body());
        }
        return response;
    }

    /** Sends any request; the raw response. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request builder for a path of the server carrying the bearer token. */
    public HttpRequest.Builder authorized(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", "Bearer " + token());
    }

    /** The absolute URI of a path of the server. */
    public URI uri(String pathAndQuery) {
        return base.get().resolve(pathAndQuery);
    }

    /** Parses JSON text. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** URL-encodes a query or form value. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
