package dev.tandem.server.http;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.Map;

/**
 * Operations endpoints: {@code /health} (public liveness, reveals nothing) and {@code /metrics} (Prometheus text,
 * needs an access token like the REST API), plus the OpenAPI document at {@code /openapi.yaml} (public: it describes
 * the API, it holds no data).
 */
public final class OpsModule implements TandemModule {
    private static final String OPENAPI = "/openapi.yaml";

    private final PrometheusMeterRegistry registry;

    public OpsModule(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "ops";
    }

    @Override
    public void routes(Javalin app) {
        app.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
        app.get(OPENAPI, ctx -> ctx.contentType("application/yaml; charset=utf-8")
                .result(OpsModule.class.getResourceAsStream("/openapi/tandem-api.yaml")));
    }
}
