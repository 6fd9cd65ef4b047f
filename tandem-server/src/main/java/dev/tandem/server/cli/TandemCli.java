package dev.tandem.server.cli;

import dev.tandem.server.sync.cycle.SyncCommand;
import dev.tandem.server.sync.diagnosis.StatusCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tandem} command line (the shaded jar's main class). To add a command, write a picocli
 * {@code @Command} class in this package and list it in {@code subcommands} below.
 */
@Command(name = "tandem", mixinStandardHelpOptions = true, version = "tandem 0.1.0",
        description = "Keeps marketing programs and Salesforce campaigns in step.",
        subcommands = {ServeCommand.class, DbCommand.class, ApiClientCommand.class, StatusCommand.class,
                SyncCommand.class, UserCommand.class, DemoCommand.class, EmulatorCommand.class,
                CommandLine.HelpCommand.class})
public final class TandemCli {

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (for tests and embedding). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The configured command line. A command that fails prints one line naming the problem (configuration,
     * database, port) instead of a stack trace, and exits with status 1.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TandemCli());
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("tandem " + command.getCommandName() + ": " + describe(e));
            command.getErr().flush();
            return 1;
        });
        return cli;
    }

    private static String describe(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
        }
        return message.toString();
    }
}
