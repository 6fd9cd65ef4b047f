package dev.tandem.emulator.auth;

import dev.tandem.emulator.org.EmulatorClock;
import dev.tandem.emulator.org.Principal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access and refresh tokens. Access tokens are "&lt;15-char org id&gt;!&lt;opaque&gt;", bound to a user, and expire
 * after a period of inactivity measured on the org clock; each use restarts the period, as Salesforce sessions do.
 */
public final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final class Session {
        final Principal principal;
        volatile Instant lastUsed;

        Session(Principal principal, Instant lastUsed) {
            this.principal = principal;
            this.lastUsed = lastUsed;
        }
    }

    private final Map<String, Session> access = new ConcurrentHashMap<>();
    private final Map<String, Principal> refresh = new ConcurrentHashMap<>();
    private final String orgId15;
    private final EmulatorClock clock;
    private final Duration timeout;

    public Sessions(String orgId15, EmulatorClock clock, Duration timeout) {
        this.orgId15 = orgId15;
        this.clock = clock;
        this.timeout = timeout;
    }

    private static String opaque(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Opens a session for a user and returns its access token. */
    public String open(Principal p) {
        String token = orgId15 + "!" + opaque(45);
        access.put(token, new Session(p, clock.now()));
        return token;
    }

    /** The user of a live token (touching it), or null for an unknown or expired one. */
    public Principal resolve(String token) {
        Session s = token == null ? null : access.get(token);
        if (s == null) {
            return null;
        }
        Instant now = clock.now();
        if (s.lastUsed.plus(timeout).isBefore(now)) {
            access.remove(token);
            return null;
        }
        if (now.isAfter(s.lastUsed)) {
            s.lastUsed = now;
        }
        return s.principal;
    }

    /** Ends every open session; refresh tokens stay valid. */
    public void expireAll() {
        access.clear();
    }

    /** Ends one session or refresh token; false if it was unknown. */
    public boolean revoke(String token) {
        return access.remove(token) != null | refresh.remove(token) != null;
    }

    /** Issues a refresh token for a user, as a web-server flow would. */
    public String issueRefreshToken(Principal p) {
        String token = "5Aep" + opaque(60);
        refresh.put(token, p);
        return token;
    }

    public Principal resolveRefreshToken(String token) {
        return token == null ? null : refresh.get(token);
    }
}
