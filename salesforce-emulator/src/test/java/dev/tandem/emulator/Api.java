package dev.tandem.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** A thin test client for the emulator's wire protocol, over java.net.http. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String V = "/services/data/v62.0";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private String token;

    /** An HTTP answer with its parsed JSON body (null when empty or not JSON). */
    record Response(int status, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return raw.body().isEmpty() ? null : JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String body() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }
    }

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Logs in as the integration user with the client-credentials grant. */
    static Api loggedIn(SalesforceEmulator emulator) {
        Api api = new Api(emulator.baseUrl());
        api.token = api.form("/services/oauth2/token", Map.of("grant_type", "client_credentials",
                "client_id", EmulatorConfig.CLIENT_ID, "client_secret", EmulatorConfig.CLIENT_SECRET))
                .json().path("access_token").asText();
        return api;
    }

    /** Logs in with the password grant. */
    static Api loggedInAs(SalesforceEmulator emulator, String username, String password) {
        return loggedInAs(emulator.baseUrl(), username, password);
    }

    /** Logs in with the password grant against an emulator at a base URL. */
    static Api loggedInAs(String baseUrl, String username, String password) {
        Api api = new Api(baseUrl);
        api.token = api.form("/services/oauth2/token", Map.of("grant_type", "password",
                "client_id", EmulatorConfig.CLIENT_ID, "client_secret", EmulatorConfig.CLIENT_SECRET,
                "username", username, "password", password)).json().path("access_token").asText();
        return api;
    }

    String token() {
        return token;
    }

    Api withToken(String t) {
        Api other = new Api(baseUrl);
        other.token = t;
        return other;
    }

    Response form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response get(String path) {
        return send(authed(path).GET());
    }

    Response get(String path, String header, String value) {
        return send(authed(path).header(header, value).GET());
    }

    Response post(String path, String json) {
        return send(authed(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response patch(String path, String json) {
        return send(authed(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Response put(String path, String contentType, String body) {
        return send(authed(path).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response delete(String path) {
        return send(authed(path).DELETE());
    }

    /** Runs SOQL through /query and returns the response. */
    Response query(String soql) {
        return get(V + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** Runs SOQL through /queryAll. */
    Response queryAll(String soql) {
        return get(V + "/queryAll?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** Creates a record and returns its id, failing loudly if the create is refused. */
    String create(String type, String json) {
        Response r = post(V + "/sobjects/" + type, json);
        if (r.status() != 201) {
            throw new AssertionError("create " + type + " failed: " + r.status() + " " + r.body());
        }
        return r.json().path("id").asText();
    }

    private HttpRequest.Builder authed(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private static Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
