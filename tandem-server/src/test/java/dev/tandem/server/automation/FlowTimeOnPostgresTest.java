package dev.tandem.server.automation;

import dev.tandem.server.http.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The same behaviours as {@link FlowTimeTest} (program tokens included), on a fresh schema of the local PostgreSQL. */
class FlowTimeOnPostgresTest extends FlowTimeTest {

    // Hides the H2 start-up of the base class: JUnit runs only this one.
    @BeforeAll
    static void startServer() {
        server = AutomationServer.on(TestDatabases.Kind.POSTGRES, PARIS);
    }

    @Test
    void theseBehavioursRunOnPostgres() {
        assertThat(server.app().services().database().isPostgres()).isTrue();
    }
}
