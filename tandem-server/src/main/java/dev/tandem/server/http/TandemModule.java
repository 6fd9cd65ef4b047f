package dev.tandem.server.http;

import io.javalin.Javalin;

/**
 * A capability plugged into the server: it adds routes, and may run background work between {@link #start()} and
 * {@link #stop()}. Routes under {@code /rest/} are authenticated by the server before they run; a module adds
 * nothing for that. Errors thrown as {@link ApiException} become Marketo envelopes.
 */
public interface TandemModule {

    /** A short name for logs. */
    String name();

    /** Adds this module's routes; called once, before the server starts listening. */
    default void routes(Javalin app) {
    }

    /** Starts background work; called after the server listens. */
    default void start() {
    }

    /** Stops background work; called before the server stops, in reverse order of start. */
    default void stop() {
    }
}
