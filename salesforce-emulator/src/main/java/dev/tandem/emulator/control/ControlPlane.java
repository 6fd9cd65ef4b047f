package dev.tandem.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.emulator.FaultRule;
import dev.tandem.emulator.RecordedRequest;
import dev.tandem.emulator.auth.Sessions;
import dev.tandem.emulator.auth.TokenEndpoint;
import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.error.Failures;
import dev.tandem.emulator.http.ApiResponse;
import dev.tandem.emulator.http.Json;
import dev.tandem.emulator.http.ResponseWriter;
import dev.tandem.emulator.ids.SalesforceIds;
import dev.tandem.emulator.limits.ApiLimits;
import dev.tandem.emulator.org.Org;
import dev.tandem.emulator.org.Principal;
import dev.tandem.emulator.schema.StandardSchema;
import dev.tandem.emulator.schema.Values;
import dev.tandem.emulator.store.Tx;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The /__emulator__/ control plane: reset, seed, clock, faults, limits, sessions, users, leads, request log. */
public final class ControlPlane {
    public static final String PREFIX = "/__emulator__";
    private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);

    private final Org org;
    private final Sessions sessions;
    private final TokenEndpoint tokens;
    private final ApiLimits limits;
    private final FaultRules faults;
    private final RequestLog log;
    private final Runnable reset;

    /** @param reset restores the whole emulator to its configured baseline */
    public ControlPlane(Org org, Sessions sessions, TokenEndpoint tokens, ApiLimits limits, FaultRules faults,
                        RequestLog log, Runnable reset) {
        this.org = org;
        this.sessions = sessions;
        this.tokens = tokens;
        this.limits = limits;
        this.faults = faults;
        this.log = log;
        this.reset = reset;
    }

    public void register(Javalin app) {
        route(app, HandlerType.POST, "/reset", c -> {
            reset.run();
            return ok();
        });
        route(app, HandlerType.POST, "/seed", c -> ApiResponse.json(200, new Seeder(org).seed(c.body())));
        route(app, HandlerType.GET, "/clock", c -> clock());
        route(app, HandlerType.POST, "/clock", this::setClock);
        route(app, HandlerType.GET, "/faults", c -> ApiResponse.json(200, Json.MAPPER.valueToTree(faults.list())));
        route(app, HandlerType.POST, "/faults", this::addFault);
        route(app, HandlerType.DELETE, "/faults", c -> {
            faults.clear();
            return ok();
        });
        route(app, HandlerType.GET, "/limits", c -> limitsBody());
        route(app, HandlerType.POST, "/limits", this::setLimits);
        route(app, HandlerType.POST, "/sessions/expire", c -> {
            JsonNode body = c.body().isBlank() ? null : Json.parse(c.bodyAsBytes());
            String token = body == null ? null : body.path("accessToken").asText(null);
            if (token != null) {
                sessions.revoke(token);
            } else {
                sessions.expireAll();
            }
            return ok();
        });
        route(app, HandlerType.POST, "/users/{username}", this::updateUser);
        route(app, HandlerType.POST, "/leads/{id}/convert", this::convertLead);
        route(app, HandlerType.GET, "/requests", c -> requests());
        route(app, HandlerType.DELETE, "/requests", c -> {
            log.clearRequests();
            return ok();
        });
        route(app, HandlerType.GET, "/counters", c -> ApiResponse.json(200, Json.MAPPER.valueToTree(log.counters())));
        route(app, HandlerType.POST, "/refresh-tokens", c -> {
            Principal p = user(c);
            return ApiResponse.json(200, Json.MAPPER.createObjectNode().put("refresh_token",
                    sessions.issueRefreshToken(p)));
        });
        route(app, HandlerType.POST, "/tokens", c -> tokens.success(user(c)));
    }

    private void route(Javalin app, HandlerType type, String path, Function<Context, ApiResponse> handler) {
        app.addHttpHandler(type, PREFIX + path, ctx -> {
            ApiResponse r;
            try {
                r = handler.apply(ctx);
            } catch (ApiException e) {
                r = ApiResponse.error(e);
            } catch (IllegalArgumentException e) {
                r = ApiResponse.error(ApiException.badRequest("INVALID_INPUT", String.valueOf(e.getMessage())));
            } catch (RuntimeException e) {
                LOG.error("unexpected control-plane failure on {}", path, e);
                r = ApiResponse.error(Failures.unknownException());
            }
            ResponseWriter.write(ctx, r);
        });
    }

    private static ApiResponse ok() {
        return ApiResponse.json(200, Json.MAPPER.createObjectNode().put("success", true));
    }

    private Principal user(Context c) {
        String username = Json.parseObject(c.bodyAsBytes()).path("username").asText(null);
        Principal p = org.userByName(username);
        if (p == null) {
            throw ApiException.badRequest("NOT_FOUND", "no user with username " + username);
        }
        return p;
    }

    private ApiResponse clock() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("now", org.clock().now().toString());
        n.put("frozen", org.clock().isFrozen());
        return ApiResponse.json(200, n);
    }

    private ApiResponse setClock(Context c) {
        ObjectNode body = Json.parseObject(c.bodyAsBytes());
        if (body.has("now")) {
            Instant at = Values.parseDateTime(body.path("now").asText(""));
            if (at == null) {
                throw ApiException.badRequest("INVALID_INPUT", "now must be an ISO-8601 instant, e.g."
                        + " 2026-03-01T00:00:00Z");
            }
            org.clock().set(at);
        } else if (body.has("advanceSeconds")) {
            if (!body.get("advanceSeconds").isIntegralNumber()) {
                throw ApiException.badRequest("INVALID_INPUT", "advanceSeconds must be an integer");
            }
            org.clock().advance(Duration.ofSeconds(body.get("advanceSeconds").asLong()));
        } else if (body.path("system").asBoolean(false)) {
            org.clock().reset();
        } else {
            throw ApiException.badRequest("INVALID_INPUT", "expected {\"now\":…}, {\"advanceSeconds\":N} or"
                    + " {\"system\":true}");
        }
        return clock();
    }

    private ApiResponse addFault(Context c) {
        ObjectNode b = Json.parseObject(c.bodyAsBytes());
        JsonNode probability = b.path("probability");
        if (!probability.isMissingNode() && !probability.isNull() && !probability.isNumber()) {
            throw ApiException.badRequest("INVALID_INPUT", "probability must be a number in (0, 1]");
        }
        JsonNode seed = b.path("seed");
        if (!seed.isMissingNode() && !seed.isNull() && !seed.isIntegralNumber()) {
            throw ApiException.badRequest("INVALID_INPUT", "seed must be an integer");
        }
        FaultRule rule = new FaultRule(b.path("errorCode").asText(null), b.path("httpStatus").asInt(400),
                b.path("method").asText(null), b.path("pathRegex").asText(null), b.path("afterN").asInt(0),
                b.path("times").asInt(1), b.path("latencyMs").asLong(0), b.path("message").asText(null),
                probability.isNumber() ? probability.asDouble() : 1.0, seed.isIntegralNumber() ? seed.asLong() : null,
                b.path("perRecord").asBoolean(false));
        if (!(rule.probability() > 0 && rule.probability() <= 1)) {
            throw ApiException.badRequest("INVALID_INPUT", "probability must be in (0, 1], was " + rule.probability());
        }
        if (rule.perRecord()) {
            if (rule.errorCode() == null) {
                throw ApiException.badRequest("INVALID_INPUT", "a perRecord fault needs an errorCode (the record's"
                        + " statusCode, e.g. UNABLE_TO_LOCK_ROW)");
            }
            if (rule.latencyMs() > 0) {
                throw ApiException.badRequest("INVALID_INPUT", "latencyMs applies to whole requests, not to a"
                        + " perRecord fault");
            }
        } else if (rule.errorCode() == null && rule.latencyMs() <= 0) {
            throw ApiException.badRequest("INVALID_INPUT", "a fault needs an errorCode or a latencyMs");
        }
        if (!rule.perRecord() && rule.httpStatus() != 0 && (rule.httpStatus() < 100 || rule.httpStatus() > 599)) {
            throw ApiException.badRequest("INVALID_INPUT", "httpStatus must be 0 (drop) or 100..599");
        }
        try {
            return ApiResponse.json(200, Json.MAPPER.createObjectNode().put("id", faults.add(rule)));
        } catch (PatternSyntaxException e) {
            throw ApiException.badRequest("INVALID_INPUT", "pathRegex is not a valid regex: " + e.getDescription());
        }
    }

    private ApiResponse limitsBody() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.putObject("DailyApiRequests").put("Max", limits.max()).put("Used", limits.used())
                .put("Remaining", Math.max(0, limits.max() - limits.used()));
        n.putObject("ConcurrentRequests").put("Max", limits.concurrentMax()).put("InFlight", limits.inFlight());
        return ApiResponse.json(200, n);
    }

    private ApiResponse setLimits(Context c) {
        JsonNode daily = Json.parseObject(c.bodyAsBytes()).path("DailyApiRequests");
        if (!daily.isObject()) {
            throw ApiException.badRequest("INVALID_INPUT", "expected {\"DailyApiRequests\":{\"Max\":…,\"Used\":…}}");
        }
        long max = daily.has("Max") ? daily.get("Max").asLong() : limits.max();
        long used = daily.has("Used") ? daily.get("Used").asLong() : limits.used();
        limits.set(used, max);
        return limitsBody();
    }

    private ApiResponse updateUser(Context c) {
        JsonNode flag = Json.parseObject(c.bodyAsBytes()).get("UserPermissionsMarketingUser");
        if (flag == null || !flag.isBoolean()) {
            throw ApiException.badRequest("INVALID_INPUT", "expected {\"UserPermissionsMarketingUser\":true|false}");
        }
        if (!org.setMarketingUser(c.pathParam("username"), flag.booleanValue())) {
            throw new ApiException(404, "NOT_FOUND", "no user with username " + c.pathParam("username"));
        }
        return ok();
    }

    private ApiResponse convertLead(Context c) {
        String id = SalesforceIds.normalize(c.pathParam("id"));
        if (id == null || !id.startsWith(org.schema().object(StandardSchema.LEAD).keyPrefix())) {
            throw ApiException.badRequest("MALFORMED_ID", "Lead ID: id value of incorrect type: " + c.pathParam("id"),
                    List.of("Id"));
        }
        org.store().lock().writeLock().lock();
        Tx tx = Tx.root();
        try {
            String contactId = org.conversion().convert(org.context(org.integrationUser(), tx), id);
            return ApiResponse.json(200, Json.MAPPER.createObjectNode().put("contactId", contactId));
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        } finally {
            org.store().lock().writeLock().unlock();
        }
    }

    private ApiResponse requests() {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        for (RecordedRequest r : log.requests()) {
            ObjectNode n = arr.addObject();
            n.put("method", r.method());
            n.put("path", r.path());
            n.put("query", r.query());
            n.put("status", r.status());
            n.put("countedAsApiCall", r.countedAsApiCall());
            n.put("at", r.at().toString());
        }
        return ApiResponse.json(200, arr);
    }
}
