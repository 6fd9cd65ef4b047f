package dev.tandem.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.domain.DomainException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Tandem's Javalin server: Marketo envelopes for every error (refusals keep their code, faults are 611), authentication before every {@code /rest/} route and
 * {@code /metrics}, a request timer per route. Modules add their routes before {@link #start(int)}.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final Javalin app;

    /**
     * @param authenticator runs before protected routes and throws {@link ApiException} (601/602) to refuse
     */
    public HttpServer(ObjectMapper mapper, MeterRegistry registry, Handler authenticator) {
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.useVirtualThreads = false;
            config.http.prefer405over404 = true;
            config.router.treatMultipleSlashesAsSingleSlash = true;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.requestLogger.http((ctx, ms) -> record(registry, ctx, ms));
        });
        app.before(ctx -> Responses.requestId(ctx));
        app.before("/rest/*", authenticator);
        app.before("/metrics", authenticator);
        app.exception(ApiException.class, (e, ctx) -> Responses.failure(ctx, e.error()));
        // Javalin's handlers are global, so only deliberate refusals are mapped to client errors here; anything
        // else, an IllegalArgumentException included, is a fault and answers 611.
        app.exception(DomainException.class, (e, ctx) -> Responses.failure(ctx, DomainRefusals.error(e)));
        app.exception(Exception.class, (e, ctx) -> {
            // The client learns only the request id; the cause stays in the server log.
            LOG.error("Unhandled error in {} {} (request {})", ctx.method(), ctx.path(), Responses.requestId(ctx), e);
            Responses.failure(ctx, ErrorCode.SYSTEM_ERROR.error("System error, request " + Responses.requestId(ctx)));
        });
        app.error(404, ctx -> Responses.failure(ctx,
                ErrorCode.RESOURCE_NOT_FOUND.error("Requested resource not found: " + ctx.method() + " " + ctx.path())));
        app.error(405, ctx -> Responses.failure(ctx,
                ErrorCode.METHOD_NOT_SUPPORTED.error("HTTP Method not supported: " + ctx.method() + " " + ctx.path())));
        app.error(413, ctx -> Responses.failure(ctx,
                ErrorCode.INVALID_DATA.error("Invalid data: the request body is larger than the limit")));
    }

    /** The underlying Javalin, for modules to add routes. */
    public Javalin javalin() {
        return app;
    }

    /** Adds each module's routes. */
    public void install(List<TandemModule> modules) {
        modules.forEach(module -> module.routes(app));
    }

    /** Starts listening; port 0 picks a free port. */
    public void start(int port) {
        app.start(port);
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void record(MeterRegistry registry, Context ctx, float ms) {
        // Only the route template and method are logged: query strings may carry access tokens.
        String route = route(ctx);
        Timer.builder("http.server.requests")
                .description("HTTP requests served by Tandem")
                .tag("method", ctx.method().name())
                .tag("uri", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record(Duration.ofNanos((long) (ms * 1_000_000)));
        LOG.debug("{} {} -> {} in {} ms", ctx.method(), route, ctx.statusCode(), ms);
    }

    private static String route(Context ctx) {
        try {
            String path = ctx.endpointHandlerPath();
            return path == null || path.isEmpty() ? "UNMATCHED" : path;
        } catch (RuntimeException e) {
            return "UNMATCHED";
        }
    }
}
