package dev.tandem.server.store;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Binds and reads {@link Instant}s as UTC {@link OffsetDateTime}s, so stored times never depend on the JVM's
 * default time zone (java.sql.Timestamp would).
 */
final class TimeMapping {

    private TimeMapping() {
    }

    static void install(Jdbi jdbi) {
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.TIMESTAMP_WITH_TIMEZONE) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, ctx) ->
                        statement.setObject(position, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
            }
        });
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> read(rs, column));
    }

    /** Reads a nullable timestamp column by index. */
    static Instant read(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Reads a nullable timestamp column by name. */
    static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
