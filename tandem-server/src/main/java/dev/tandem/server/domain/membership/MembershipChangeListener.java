package dev.tandem.server.domain.membership;

import org.jdbi.v3.core.Handle;

/**
 * Told of every effective membership change inside the writing transaction, after the member row and its
 * activity are written, so it can write its own rows (e.g. the sync outbox) atomically. No network calls;
 * throwing rolls the whole change back.
 */
@FunctionalInterface
public interface MembershipChangeListener {

    /** Called once per created, changed or removed membership. */
    void onChange(Handle tx, MembershipChange change);
}
