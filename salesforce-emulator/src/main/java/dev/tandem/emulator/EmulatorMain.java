package dev.tandem.emulator;

import dev.tandem.emulator.schema.CustomField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone: {@code EmulatorMain --port N [--seed file.json] [--external-id Object.Field__c]...}.
 * Each --external-id adds a unique text external-id custom field, e.g. CampaignMember.Sync_Key__c.
 */
public final class EmulatorMain {
    private static final String USAGE = "usage: EmulatorMain --port N [--seed file.json] [--external-id Object.Field__c]";

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
                case "--external-id" -> {
                    String spec = value(args, ++i, "--external-id");
                    int dot = spec.indexOf('.');
                    if (dot <= 0) {
                        System.err.println("--external-id needs Object.Field__c, got " + spec);
                        System.exit(2);
                    }
                    config = config.withCustomField(CustomField.externalIdText(spec.substring(0, dot),
                            spec.substring(dot + 1)));
                }
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + "; " + USAGE);
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
