package dev.tandem.server.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A running Tandem that a test talks to over real HTTP through one {@link ApiCaller}: the calls every test server offers. */
public interface TandemOverHttp {

    /** The caller holding this server's API client and token. */
    ApiCaller caller();

    /** GET with the bearer token; the parsed JSON body. */
    default JsonNode get(String pathAndQuery) {
        return caller().get(pathAndQuery);
    }

    /** GET without any access token. */
    default JsonNode getAnonymously(String pathAndQuery) {
        return caller().getAnonymously(pathAndQuery);
    }

    /** POST of a JSON body with the bearer token. */
    default JsonNode postJson(String path, String body) {
        return caller().postJson(path, body);
    }

    /** POST of a form-urlencoded body with the bearer token. */
    default JsonNode postForm(String path, Map<String, String> form) {
        return caller().postForm(path, form);
    }

    /** Sends any request; the raw response. */
    default HttpResponse<String> send(HttpRequest request) {
        return caller().send(request);
    }

    /** A request builder for a path of this server carrying the bearer token. */
    default HttpRequest.Builder authorized(String pathAndQuery) {
        return caller().authorized(pathAndQuery);
    }

    /** The absolute URI of a path of this server. */
    default URI uri(String pathAndQuery) {
        return caller().uri(pathAndQuery);
    }
}
