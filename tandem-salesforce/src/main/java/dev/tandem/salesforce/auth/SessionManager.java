package dev.tandem.salesforce.auth;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds the current session and renews it single-flight: when many threads find the same session expired,
 * exactly one asks for a new token and the others reuse its result.
 */
public final class SessionManager {
    private final Authenticator authenticator;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Session current;

    public SessionManager(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** The current session, authenticating first if there is none yet. */
    public Session current() {
        Session s = current;
        return s != null ? s : renew(null);
    }

    /**
     * Replaces {@code stale} with a new session, unless another thread already did: then its session is
     * returned without another token request.
     */
    public Session renew(Session stale) {
        lock.lock();
        try {
            Session s = current;
            if (s != null && s != stale) {
                return s;
            }
            current = authenticator.authenticate();
            return current;
        } finally {
            lock.unlock();
        }
    }
}
