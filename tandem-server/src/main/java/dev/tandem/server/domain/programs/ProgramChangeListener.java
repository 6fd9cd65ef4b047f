package dev.tandem.server.domain.programs;

import org.jdbi.v3.core.Handle;

/**
 * Told of every program creation, update (costs, name, link) and deletion inside the writing transaction, so
 * the sync can queue a push of Campaign.Type / ActualCost atomically. No network calls; throwing rolls back.
 */
@FunctionalInterface
public interface ProgramChangeListener {

    /** Called after the change is stored. */
    void onChange(Handle tx, ProgramChange change);
}
