package dev.tandem.server.cli;

import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tandem db …}: database maintenance. */
@Command(name = "db", description = "Database maintenance.", mixinStandardHelpOptions = true,
        subcommands = DbCommand.Migrate.class)
public final class DbCommand {

    /** {@code tandem db migrate}: brings the schema to the latest version and exits. */
    @Command(name = "migrate", description = "Apply pending schema migrations and exit.", mixinStandardHelpOptions = true)
    static final class Migrate implements Runnable {
        @Mixin
        ConfigOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            TandemConfig config = options.resolve(System.getenv());
            try (Database database = TandemDatabases.open(config)) {
                spec.commandLine().getOut().println("Database schema is up to date at " + config.jdbcUrl());
            }
        }
    }
}
