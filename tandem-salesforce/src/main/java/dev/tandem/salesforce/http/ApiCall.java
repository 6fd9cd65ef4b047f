package dev.tandem.salesforce.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request to Salesforce, before authentication is added.
 *
 * @param target     a path on the instance ({@code /services/data/...}) or an absolute URL
 * @param resource   the metrics label ({@code query}, {@code composite/sobjects}, ...)
 * @param idempotent true when sending it twice has the same effect as once, so it may be replayed freely
 * @param counted    true when Salesforce counts it against the daily API limit
 */
public record ApiCall(String method, String target, Map<String, String> headers, byte[] body, String resource,
                      boolean idempotent, boolean counted) {
    public ApiCall {
        headers = Map.copyOf(headers);
    }

    /** A counted, idempotent GET. */
    public static ApiCall get(String resource, String target) {
        return new ApiCall("GET", target, Map.of("Accept", "application/json"), null, resource, true, true);
    }

    /** A counted JSON request; POST is marked non-idempotent, other methods idempotent. */
    public static ApiCall json(String method, String resource, String target, Object body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        byte[] bytes = null;
        if (body != null) {
            headers.put("Content-Type", "application/json;charset=UTF-8");
            bytes = Json.write(body);
        }
        return new ApiCall(method, target, headers, bytes, resource, !"POST".equals(method), true);
    }

    /** A counted request with a CSV body. */
    public static ApiCall csv(String method, String resource, String target, String csv) {
        return new ApiCall(method, target, Map.of("Content-Type", "text/csv", "Accept", "application/json"),
                csv.getBytes(StandardCharsets.UTF_8), resource, !"POST".equals(method), true);
    }

    public ApiCall withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiCall(method, target, copy, body, resource, idempotent, counted);
    }

    /** Marks a request Salesforce does not count against the daily limit (e.g. the versions list). */
    public ApiCall uncounted() {
        return new ApiCall(method, target, headers, body, resource, idempotent, false);
    }

    /** Marks a request safe to replay although its method is not (e.g. a POST that only reads). */
    public ApiCall replayable() {
        return new ApiCall(method, target, headers, body, resource, true, counted);
    }
}
