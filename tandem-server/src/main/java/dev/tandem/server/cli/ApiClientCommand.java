package dev.tandem.server.cli;

import dev.tandem.server.auth.ApiClients;
import dev.tandem.server.auth.NewApiClient;
import dev.tandem.server.auth.SecretHasher;
import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;

/** {@code tandem api-client …}: manages the clients that may call the REST API. */
@Command(name = "api-client", description = "Manage REST API clients.", mixinStandardHelpOptions = true,
        subcommands = ApiClientCommand.Create.class)
public final class ApiClientCommand {

    /** {@code tandem api-client create --name X}: prints the new client's id and secret, once. */
    @Command(name = "create", description = "Create an API client and print its id and secret (shown only once).",
            mixinStandardHelpOptions = true)
    static final class Create implements Runnable {
        @Mixin
        ConfigOptions options;

        @Option(names = "--name", required = true, description = "A name that says who uses this client")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            TandemConfig config = options.resolve(System.getenv());
            try (Database database = TandemDatabases.open(config)) {
                NewApiClient client = new ApiClients(database.jdbi(), new SecretHasher(), Clock.systemUTC()).create(name);
                PrintWriter out = spec.commandLine().getOut();
                out.println("client_id=" + client.clientId());
                out.println("client_secret=" + client.clientSecret());
                out.println("Store the secret now: Tandem keeps only its hash and cannot show it again.");
                out.flush();
            }
        }
    }
}
