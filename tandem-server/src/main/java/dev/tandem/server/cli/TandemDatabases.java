package dev.tandem.server.cli;

import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.store.Database;

/** Opens (and migrates) the database a configuration names. */
final class TandemDatabases {
    private TandemDatabases() {
    }

    static Database open(TandemConfig config) {
        return Database.open(config.jdbcUrl(), config.dbUser(), config.dbPassword());
    }
}
