package dev.tandem.salesforce.http;

import dev.tandem.salesforce.limits.ApiBudget;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * The client's Micrometer meters: {@code salesforce.client.requests} (timer by resource, method and status:
 * call counts and latency), {@code salesforce.client.errors} (by error code) and the API usage gauges.
 */
public final class ClientMetrics {
    private final MeterRegistry registry;

    /** @param registry where to publish; {@code null} publishes nowhere */
    public ClientMetrics(MeterRegistry registry) {
        this.registry = registry == null ? new CompositeMeterRegistry() : registry;
    }

    public void request(String resource, String method, int status, long nanos) {
        Timer.builder("salesforce.client.requests")
                .description("Requests sent to Salesforce")
                .tag("resource", resource).tag("method", method).tag("status", Integer.toString(status))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void error(String resource, String code) {
        Counter.builder("salesforce.client.errors").description("Failed Salesforce requests by error code")
                .tag("resource", resource).tag("code", code).register(registry).increment();
    }

    /** Publishes the budget's usage figures as gauges. */
    public void bind(ApiBudget budget) {
        Gauge.builder("salesforce.client.api.used", budget, b -> b.usage().used())
                .description("Daily API requests used by the org, as last reported").register(registry);
        Gauge.builder("salesforce.client.api.max", budget, b -> b.usage().max())
                .description("Daily API request allocation of the org").register(registry);
        Gauge.builder("salesforce.client.api.usage", budget, b -> b.usage().usedShare())
                .description("Share of the daily API allocation used (0..1)").register(registry);
        Gauge.builder("salesforce.client.api.budget.remaining", budget, b -> b.usage().remainingBudget())
                .description("Requests Tandem may still send before its budget is used up").register(registry);
    }
}
