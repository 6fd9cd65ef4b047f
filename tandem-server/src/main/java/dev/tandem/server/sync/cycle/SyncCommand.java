package dev.tandem.server.sync.cycle;

import dev.tandem.server.TandemApp;
import dev.tandem.server.cli.ConfigOptions;
import dev.tandem.server.sync.runs.Operation;
import dev.tandem.server.sync.runs.OperationCounts;
import dev.tandem.server.sync.runs.RunOutcome;
import dev.tandem.server.sync.runs.RunReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tandem sync}: runs one campaign sync cycle now against the configured database and prints its report. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Run one campaign sync cycle now (push, then pull) and print its report.")
public final class SyncCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // Built but not started: no HTTP listener and no background jobs, only the services and modules.
        try (TandemApp app = TandemApp.builder(options.resolve(System.getenv())).build()) {
            RunReport report = app.module(CampaignSyncModule.class).orElseThrow().flow().cycle().runOnce();
            print(out, report);
            out.flush();
            return report.outcome() == RunOutcome.COMPLETED ? 0 : 1;
        }
    }

    static void print(PrintWriter out, RunReport report) {
        out.printf("Run %d (%s): %s, %d Salesforce API calls%n", report.id(), report.kind(), report.outcome(),
                report.apiCalls());
        if (report.note() != null) {
            out.println("  " + report.note());
        }
        out.printf("  %-14s %7s %7s %7s %7s %7s %9s%n", "operation", "new", "updated", "removed", "failed", "skipped",
                "conflicts");
        for (Operation op : Operation.values()) {
            OperationCounts c = report.operations().get(op);
            if (c != null) {
                out.printf("  %-14s %7d %7d %7d %7d %7d %9d%n", op.label(), c.created(), c.updated(), c.removed(),
                        c.failed(), c.skipped(), c.conflicts());
            }
        }
    }
}
