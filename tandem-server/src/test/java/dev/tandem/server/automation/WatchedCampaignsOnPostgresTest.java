package dev.tandem.server.automation;

import dev.tandem.server.http.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The same behaviours as {@link WatchedCampaignsEndToEndTest}, with Tandem on the local PostgreSQL. */
class WatchedCampaignsOnPostgresTest extends WatchedCampaignsEndToEndTest {

    // Hides the H2 start-up of the base class: JUnit runs only this one.
    @BeforeAll
    static void startSalesforce() {
        startWith(TestDatabases.Kind.POSTGRES);
    }

    @Test
    void theseBehavioursRunOnPostgres() {
        assertThat(server.app().services().database().isPostgres()).isTrue();
    }
}
