package dev.tandem.salesforce.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.emulator.FaultRule;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.query.Soql;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MetricsEmulatorTest extends EmulatorTestBase {

    @Test
    void callsLatencyErrorsAndUsageArePublished() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SalesforceClient client = SalesforceClient.builder(config().build()).meterRegistry(registry)
                .sleeper(waits::add).build();
        control.addFault(new FaultRule("SERVER_UNAVAILABLE", 503, "GET", ".*/query.*", 0, 1, 0, "busy"));

        client.stream(Soql.select("Id").from("User").build()).count();

        assertThat(registry.get("salesforce.client.requests").tag("resource", "query").tag("status", "200").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get("salesforce.client.requests").tag("resource", "oauth2/token").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("salesforce.client.errors").tag("code", "SERVER_UNAVAILABLE").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("salesforce.client.api.max").gauge().value()).isEqualTo(15_000);
        assertThat(registry.get("salesforce.client.api.used").gauge().value()).isPositive();
    }
}
