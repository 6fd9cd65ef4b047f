package dev.tandem.salesforce.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.limits.ApiUsage;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.salesforce.write.PartialWriteException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitsEmulatorTest extends EmulatorTestBase {

    @Test
    void everyResponseUpdatesTheReportedUsage() {
        SalesforceClient client = client();
        client.stream(Soql.select("Id").from("User").build()).count();

        ApiUsage usage = client.usage();

        assertThat(usage.max()).isEqualTo(15_000);
        assertThat(usage.used()).isEqualTo(control.apiCallsUsed());
        assertThat(usage.clientCalls()).isEqualTo(1);
        assertThat(usage.budget()).isEqualTo(7_500);
    }

    @Test
    void theBudgetStopsAWriteBeforeTheOrgsLimitIsReached() {
        SalesforceClient client = client();
        client.userId();
        client.stream(Soql.select("Id").from("User").build()).count();
        control.setApiUsage(7_498, 15_000);
        control.clearRequests();

        assertThatThrownBy(() -> client.create("Lead", leads(1_000, "Budget")))
                .isInstanceOfSatisfying(PartialWriteException.class, e -> {
                    assertThat(e.isLimit()).isTrue();
                    assertThat(e.errorCode()).isEqualTo("API_BUDGET_EXHAUSTED");
                    assertThat(e.completed()).hasSize(400).allMatch(r -> r.success());
                });
        assertRequests("POST", ".*/composite/sobjects", 2);
        assertThat(control.apiCallsUsed()).isEqualTo(7_500).isLessThan(15_000);
    }

    @Test
    void callsAreThrottledAsUsageNearsTheBudget() {
        SalesforceClient client = client(config().throttle(80, Duration.ofSeconds(2)).build());
        client.stream(Soql.select("Id").from("User").build()).count();
        control.setApiUsage(6_750, 15_000);
        client.stream(Soql.select("Id").from("User").build()).count();
        waits.clear();

        client.stream(Soql.select("Id").from("User").build()).count();

        assertThat(waits).hasSize(1);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(900), Duration.ofMillis(1_100));
    }

    @Test
    void theOrgsLimitRefusalIsTypedAsLimit() {
        SalesforceClient client = client(config().apiBudgetPercent(100).build());
        client.userId();
        control.setApiUsage(15_000, 15_000);

        assertThatThrownBy(() -> client.stream(Soql.select("Id").from("User").build()).count())
                .isInstanceOfSatisfying(SalesforceException.class, e -> {
                    assertThat(e.isLimit()).isTrue();
                    assertThat(e.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
                    assertThat(e.httpStatus()).isEqualTo(403);
                });
    }
}
