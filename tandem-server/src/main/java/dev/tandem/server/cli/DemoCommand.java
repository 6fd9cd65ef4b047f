package dev.tandem.server.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code tandem demo}: the bundled Salesforce emulator and a seeded Tandem, with the console, until Ctrl-C. */
@Command(name = "demo", description = "Run Tandem against the bundled Salesforce emulator with sample data.",
        mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

    @Option(names = "--port", description = "Console and API port (default ${DEFAULT-VALUE})", defaultValue = "8080")
    int port;

    @Option(names = "--data-dir", description = "Where the H2 database lives (default ${DEFAULT-VALUE})",
            defaultValue = "./data")
    Path dataDir;

    @Option(names = "--emulator-port", description = "Preferred emulator port; the next free one is used when busy "
            + "(default ${DEFAULT-VALUE})", defaultValue = "8081")
    int emulatorPort;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            spec.commandLine().getErr().println("--port: must be within 0..65535, was " + port);
            return 2;
        }
        if (emulatorPort < 0 || emulatorPort > 65535) {
            spec.commandLine().getErr().println("--emulator-port: must be within 0..65535, was " + emulatorPort);
            return 2;
        }
        spec.commandLine().getOut().println("Starting the Tandem demo (data in " + dataDir.toAbsolutePath().normalize()
                + ")...");
        spec.commandLine().getOut().flush();
        Demo.Running demo = Demo.start(new Demo.Options(port, dataDir, emulatorPort));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping the demo");
            demo.close();
            stopped.countDown();
        }, "tandem-demo-shutdown"));
        Demo.printWelcome(demo, spec.commandLine().getOut());
        stopped.await();
        return 0;
    }
}
