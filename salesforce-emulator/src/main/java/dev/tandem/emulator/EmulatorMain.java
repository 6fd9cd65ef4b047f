package dev.tandem.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Runs the emulator standalone: {@code EmulatorMain --port N [--seed file.json]}. */
public final class EmulatorMain {
    private EmulatorMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "dev/tandem/emulator/logback-emulator.xml");
        }
        EmulatorConfig config = EmulatorConfig.defaults().withPort(8443);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> config = config.withPort(Integer.parseInt(value(args, ++i, "--port")));
                case "--seed" -> config = config.withSeedJson(Files.readString(Path.of(value(args, ++i, "--seed"))));
                case "--help", "-h" -> {
                    System.out.println("usage: EmulatorMain --port N [--seed file.json]");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + "; usage: EmulatorMain --port N [--seed file.json]");
                    System.exit(2);
                }
            }
        }
        SalesforceEmulator emulator = SalesforceEmulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        System.out.println("Salesforce emulator listening on " + emulator.baseUrl()
                + " (client_id " + EmulatorConfig.CLIENT_ID + ", user integration@tandem.dev)");
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}
