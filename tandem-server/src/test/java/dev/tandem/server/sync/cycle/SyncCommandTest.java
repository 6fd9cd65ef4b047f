package dev.tandem.server.sync.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.cli.TandemCli;
import dev.tandem.server.http.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SyncCommandTest {

    @Test
    void syncPrintsTheRunReportAndFailsWhileCampaignSyncIsOff() {
        TestDatabases.TestDatabase db = TestDatabases.create(TestDatabases.Kind.POSTGRES);
        try {
            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(new TandemCli());
            cli.setOut(new PrintWriter(out));

            int code = cli.execute("sync", "--jdbc-url", db.url(), "--db-user", db.user(), "--db-password=");

            assertThat(code).isEqualTo(1);
            assertThat(out.toString()).contains("(cycle): SKIPPED_DISABLED").contains("Campaign sync is switched off");
        } finally {
            db.drop();
        }
    }
}
