package dev.tandem.emulator.http;

import dev.tandem.emulator.RecordedRequest;
import dev.tandem.emulator.auth.Identity;
import dev.tandem.emulator.auth.Sessions;
import dev.tandem.emulator.auth.TokenEndpoint;
import dev.tandem.emulator.control.FaultRules;
import dev.tandem.emulator.control.RequestLog;
import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.error.Failures;
import dev.tandem.emulator.limits.ApiLimits;
import dev.tandem.emulator.org.Org;
import dev.tandem.emulator.org.Principal;
import dev.tandem.emulator.rest.ApiVersions;
import dev.tandem.emulator.rest.RestApi;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door for /services/** and /id/**: fault injection, OAuth, authentication, API limits, the
 * Sforce-Limit-Info header, the request log, and the catch-all that turns any unexpected failure into Salesforce's
 * 500 UNKNOWN_EXCEPTION body without leaking a stack trace.
 */
public final class ServicesGateway implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(ServicesGateway.class);
    private static final String DATA = "/services/data";

    private final Org org;
    private final Sessions sessions;
    private final TokenEndpoint tokens;
    private final RestApi api;
    private final ApiLimits limits;
    private final FaultRules faults;
    private final RequestLog log;
    private final Supplier<String> baseUrl;

    public ServicesGateway(Org org, Sessions sessions, TokenEndpoint tokens, RestApi api, ApiLimits limits,
                           FaultRules faults, RequestLog log, Supplier<String> baseUrl) {
        this.org = org;
        this.sessions = sessions;
        this.tokens = tokens;
        this.api = api;
        this.limits = limits;
        this.faults = faults;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /** Per-request outcome collected while handling, for the log and the response headers. */
    private static final class Outcome {
        boolean counted;
        boolean limitHeader;
        boolean dropped;
    }

    @Override
    public void handle(Context ctx) {
        String path = normalizePath(ctx.req().getRequestURI());
        String method = ctx.method().name();
        String override = ctx.queryParam("_HttpMethod");
        if (method.equals("POST") && override != null) {
            method = override.toUpperCase();
        }
        Outcome outcome = new Outcome();
        ApiResponse response;
        try {
            response = route(ctx, method, path, outcome);
        } catch (ApiException e) {
            response = ApiResponse.error(e);
        } catch (RuntimeException | StackOverflowError e) {
            ApiException unknown = Failures.unknownException();
            LOG.error("unexpected failure serving {} {}: {}", method, path, unknown.getMessage(), e);
            response = ApiResponse.error(unknown);
        }
        if (outcome.dropped) {
            log.record(new RecordedRequest(method, path, ctx.queryString(), 0, false, org.clock().now()),
                    RequestLog.family(path));
            return;
        }
        if (outcome.limitHeader) {
            response.header("Sforce-Limit-Info", "api-usage=" + limits.used() + "/" + limits.max());
        }
        // Logged before the answer leaves, so a client that has its response also finds it in the log.
        log.record(new RecordedRequest(method, path, ctx.queryString(), response.status(), outcome.counted,
                org.clock().now()), RequestLog.family(path));
        write(ctx, response);
    }

    private static void write(Context ctx, ApiResponse r) {
        ResponseWriter.write(ctx, r);
    }

    /** Collapses duplicate slashes and drops a trailing slash. */
    static String normalizePath(String raw) {
        String p = raw.replaceAll("/{2,}", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private ApiResponse route(Context ctx, String method, String path, Outcome outcome) {
        FaultRules.Match matched = faults.match(method, path);
        FaultRules.Firing fault = matched.request();
        long latency = fault == null ? 0 : fault.rule().latencyMs();
        if (fault != null) {
            if (fault.rule().errorCode() != null) {
                sleep(latency);
                if (fault.rule().httpStatus() == 0) {
                    outcome.dropped = true;
                    dropConnection(ctx);
                    return ApiResponse.empty(0);
                }
                outcome.limitHeader = path.startsWith(DATA + "/");
                return ApiResponse.error(new ApiException(fault.rule().httpStatus(), fault.rule().errorCode(),
                        fault.message()));
            }
        }
        if (!path.startsWith(DATA + "/")) {
            // Data calls sleep while registered as in flight, so latency faults also exercise the concurrency limit.
            sleep(latency);
        }
        if (path.equals("/services/oauth2/token")) {
            RestApi.allow(method, "POST");
            return tokens.handle(form(ctx), ctx.header("Authorization"));
        }
        if (path.equals("/services/oauth2/revoke")) {
            RestApi.allow(method, "POST", "GET");
            String token = form(ctx).getOrDefault("token", ctx.queryParam("token"));
            if (token == null || !sessions.revoke(token)) {
                return ApiResponse.json(400, Json.MAPPER.createObjectNode().put("error", "unsupported_token_type")
                        .put("error_description", "this token type is not supported"));
            }
            return ApiResponse.empty(200);
        }
        if (path.equals("/services/oauth2/userinfo") || path.startsWith("/id/")) {
            RestApi.allow(method, "GET", "POST");
            Principal p = authenticate(ctx, true);
            if (path.startsWith("/id/")) {
                String[] parts = path.split("/");
                if (parts.length != 4 || !parts[2].equals(org.orgId()) || !parts[3].equals(p.userId())) {
                    throw new ApiException(403, "FORBIDDEN", "Bad_Id");
                }
            }
            return ApiResponse.json(200, Identity.of(org, p, baseUrl.get()));
        }
        if (path.equals(DATA)) {
            RestApi.allow(method, "GET");
            return ApiResponse.json(200, ApiVersions.list());
        }
        if (!path.startsWith(DATA + "/")) {
            throw ApiException.notFound();
        }
        outcome.limitHeader = true;
        List<String> segments = new ArrayList<>(Arrays.asList(path.substring(DATA.length() + 1).split("/")));
        Principal principal = authenticate(ctx, false);
        String version = segments.remove(0);
        if (!ApiVersions.isServed(version)) {
            throw ApiException.notFound();
        }
        long ticket = limits.enter();
        if (ticket < 0) {
            throw new ApiException(403, "REQUEST_LIMIT_EXCEEDED", "ConcurrentPerOrgLongTxn Limit exceeded.");
        }
        try {
            sleep(latency);
            if (!limits.tryConsume()) {
                throw new ApiException(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
            }
            outcome.counted = true;
            List<String> decoded = segments.stream().map(s -> URLDecoder.decode(s.replace("+", "%2B"),
                    StandardCharsets.UTF_8)).toList();
            Map<String, List<String>> query = RestApi.parseQuery(ctx.queryString());
            query.remove("_HttpMethod");
            return api.dispatch(new ApiRequest(method, version, decoded, query, ctx::header, ctx.bodyAsBytes(),
                    principal, null, matched.records()));
        } finally {
            limits.exit(ticket);
        }
    }

    private Principal authenticate(Context ctx, boolean allowQueryToken) {
        String header = ctx.header("Authorization");
        String token = null;
        if (header != null) {
            String h = header.trim();
            if (h.regionMatches(true, 0, "Bearer ", 0, 7) || h.regionMatches(true, 0, "OAuth ", 0, 6)) {
                token = h.substring(h.indexOf(' ') + 1).trim();
            } else {
                throw new ApiException(401, "INVALID_AUTH_HEADER", "INVALID_HEADER_TYPE");
            }
        } else if (allowQueryToken) {
            token = ctx.queryParam("oauth_token");
        }
        Principal p = sessions.resolve(token);
        if (p == null) {
            throw ApiException.sessionInvalid();
        }
        return p;
    }

    private static Map<String, String> form(Context ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        String type = ctx.contentType();
        if (type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            RestApi.parseQuery(ctx.body()).forEach((k, v) -> out.put(k, v.get(0)));
        }
        RestApi.parseQuery(ctx.queryString()).forEach((k, v) -> out.putIfAbsent(k, v.get(0)));
        return out;
    }

    private static void sleep(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the TCP connection without an HTTP response, to simulate a network failure. */
    private static void dropConnection(Context ctx) {
        Request base = Request.getBaseRequest(ctx.req());
        if (base != null) {
            base.getHttpChannel().getEndPoint().close();
        }
    }
}
