package dev.tandem.server.sync.cycle;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Cluster-wide named leases over {@code sync_leases}: a node holds a lease until it expires or is released, so
 * work such as polling Salesforce runs on one node at a time. Each call is its own short transaction.
 */
public final class LeaseStore {

    private final Jdbi jdbi;

    /** Leases stored through this Jdbi. */
    public LeaseStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Takes (or renews) the lease for {@code ttl}; false when another holder's lease is still running. */
    public boolean tryAcquire(String name, String holder, Instant now, Duration ttl) {
        Instant until = now.plus(ttl);
        int taken = jdbi.inTransaction(h -> h.createUpdate("UPDATE sync_leases SET holder = :holder, held_until = :until "
                        + "WHERE name = :name AND (holder = :holder OR held_until < :now)")
                .bind("holder", holder).bind("until", until).bind("name", name).bind("now", now).execute());
        if (taken > 0) {
            return true;
        }
        try {
            return jdbi.inTransaction(h -> h.createUpdate("INSERT INTO sync_leases (name, holder, held_until) "
                            + "VALUES (:name, :holder, :until)")
                    .bind("holder", holder).bind("until", until).bind("name", name).execute()) > 0;
        } catch (UnableToExecuteStatementException e) {
            // Another node inserted the lease row first: it holds the lease.
            return false;
        }
    }

    /** Gives up every lease {@code holder} holds (a node starting up under a fixed name; see OutboxStore). */
    public int releaseAllOf(String holder) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM sync_leases WHERE holder = :holder")
                .bind("holder", holder).execute());
    }

    /** Gives the lease up early. */
    public void release(String name, String holder) {
        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM sync_leases WHERE name = :name AND holder = :holder")
                .bind("name", name).bind("holder", holder).execute());
    }
}
