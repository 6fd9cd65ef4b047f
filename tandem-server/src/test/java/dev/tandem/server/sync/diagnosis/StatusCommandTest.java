package dev.tandem.server.sync.diagnosis;

import dev.tandem.core.program.ProgramType;
import dev.tandem.server.cli.TandemCli;
import dev.tandem.server.domain.programs.NewProgram;
import dev.tandem.server.domain.programs.ProgramService;
import dev.tandem.server.http.TestDatabases;
import dev.tandem.server.store.Database;
import dev.tandem.server.sync.link.CampaignLink;
import dev.tandem.server.sync.link.CampaignLinkStore;
import dev.tandem.server.sync.link.ReconcileState;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCommandTest {

    @Test
    void statusPrintsEveryCheckWithItsFixAndEveryLinkAndFailsWhileACheckFails() {
        TestDatabases.TestDatabase db = TestDatabases.create(TestDatabases.Kind.H2);
        try (Database database = Database.open(db.url(), db.user(), db.password())) {
            ProgramService programs = new ProgramService(database.jdbi(), Clock.systemUTC());
            long programId = programs.create(new NewProgram("Status Program", null, ProgramType.EVENT, "Webinar",
                    List.of())).id();
            database.jdbi().useTransaction(tx -> {
                new CampaignLinkStore().insert(tx, new CampaignLink(programId, "701000000000001AAA", "Status Campaign",
                        Instant.parse("2026-11-28T10:00:00Z"), true, ReconcileState.PENDING, null));
                programs.linkSalesforceCampaign(tx, programId, "701000000000001AAA", "Status Campaign");
            });
            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(new TandemCli());
            cli.setOut(new PrintWriter(out));

            int exit = cli.execute("status", "--jdbc-url", db.url(), "--db-user", db.user());

            assertThat(exit).isEqualTo(1);
            assertThat(out.toString()).contains("[FAIL] campaign-sync-enabled", "fix: POST /rest/tandem/v1/settings/sync.json",
                    "[FAIL] connection-configured", "Links (1)", "program " + programId
                            + " -> campaign 701000000000001AAA 'Status Campaign'", "PENDING", "PAUSED");
        } finally {
            db.drop();
        }
    }
}
