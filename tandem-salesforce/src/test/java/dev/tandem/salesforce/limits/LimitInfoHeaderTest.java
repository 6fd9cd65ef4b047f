package dev.tandem.salesforce.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LimitInfoHeaderTest {

    @Test
    void readsUsedAndMaxFromApiUsage() {
        assertThat(LimitInfoHeader.parse("api-usage=51/15000")).get().satisfies(u -> {
            assertThat(u[0]).isEqualTo(51);
            assertThat(u[1]).isEqualTo(15000);
        });
    }

    @Test
    void findsApiUsageAmongOtherParts() {
        assertThat(LimitInfoHeader.parse("per-app-api-usage=17/250(appName=sample), api-usage=25/5000"))
                .get().satisfies(u -> assertThat(u).containsExactly(25, 5000));
    }

    @Test
    void perAppUsageAloneIsNotMistakenForOrgUsage() {
        assertThat(LimitInfoHeader.parse("per-app-api-usage=17/250(appName=sample)")).isEmpty();
    }

    @Test
    void missingOrMalformedHeadersYieldNothing() {
        assertThat(LimitInfoHeader.parse(null)).isEmpty();
        assertThat(LimitInfoHeader.parse("api-usage=abc/10")).isEmpty();
        assertThat(LimitInfoHeader.parse("api-usage=5/0")).isEmpty();
        assertThat(LimitInfoHeader.parse("api-usage=99999999999999999999/5")).isEmpty();
    }
}
