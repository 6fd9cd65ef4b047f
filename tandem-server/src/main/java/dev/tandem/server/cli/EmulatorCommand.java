package dev.tandem.server.cli;

import dev.tandem.emulator.EmulatorConfig;
import dev.tandem.emulator.SalesforceEmulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code tandem emulator --port N [--seed file.json]}: runs the bundled Salesforce emulator on its own. */
@Command(name = "emulator", description = "Run the bundled Salesforce emulator until stopped.",
        mixinStandardHelpOptions = true)
public final class EmulatorCommand implements Callable<Integer> {

    @Option(names = "--port", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 = any free port)",
            defaultValue = "8081")
    int port;

    @Option(names = "--seed", description = "JSON file of records to load at start (the control plane's seed format)")
    Path seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65535) {
            spec.commandLine().getErr().println("--port: must be within 0..65535, was " + port);
            return CommandLine.ExitCode.USAGE;
        }
        EmulatorConfig config = EmulatorConfig.defaults().withPort(port);
        if (seed != null) {
            try {
                config = config.withSeedJson(Files.readString(seed));
            } catch (IOException e) {
                spec.commandLine().getErr().println("--seed: cannot read " + seed + ": " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
        }
        SalesforceEmulator emulator = SalesforceEmulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        out.println("Salesforce emulator listening on " + emulator.baseUrl());
        out.println("  login URL      " + emulator.baseUrl());
        out.println("  client id      " + EmulatorConfig.CLIENT_ID);
        out.println("  client secret  " + EmulatorConfig.CLIENT_SECRET);
        out.println("  users          integration@tandem.dev / tandem-password (Marketing User),"
                + " analyst@tandem.dev / analyst-password (not)");
        out.println("  control plane  " + emulator.baseUrl() + "/__emulator__/ (loopback only)");
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }
}
