package dev.tandem.server.cli;

import dev.tandem.server.auth.SecretHasher;
import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.console.auth.ConsoleUser;
import dev.tandem.server.console.auth.ConsoleUsers;
import dev.tandem.server.console.auth.Passwords;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code tandem user …}: manages who may sign in to the web console. */
@Command(name = "user", description = "Manage web console users.", mixinStandardHelpOptions = true,
        subcommands = UserCommand.Create.class)
public final class UserCommand {

    /**
     * {@code tandem user create --username X}: creates a console user with a generated password printed once, or
     * with a password typed at the prompt ({@code --password}, never echoed nor logged).
     */
    @Command(name = "create", description = "Create a console user; prints a generated password once unless "
            + "--password is given (then typed at a prompt).", mixinStandardHelpOptions = true)
    static final class Create implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Option(names = "--username", required = true, description = "Sign-in name (3-64 letters, digits, . _ @ -)")
        String username;

        @Option(names = "--password", description = "Prompt for the password instead of generating one",
                arity = "0", interactive = true)
        char[] password;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            TandemConfig config = options.resolve(System.getenv());
            boolean generated = password == null || password.length == 0;
            String secret = generated ? Passwords.generate() : new String(password);
            PrintWriter out = spec.commandLine().getOut();
            try (Database database = TandemDatabases.open(config)) {
                ConsoleUser user = new ConsoleUsers(database.jdbi(), new SecretHasher(), Clock.systemUTC())
                        .create(username, secret);
                out.println("Console user '" + user.username() + "' created.");
                if (generated) {
                    out.println("password=" + secret);
                    out.println("Store the password now: Tandem keeps only its hash and cannot show it again.");
                }
                out.flush();
                return 0;
            } catch (DomainException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
        }
    }
}
