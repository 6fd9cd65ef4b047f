package dev.tandem.server.console.web;

/** A console page or form action; it runs only for a signed-in user (and, for a POST, a valid CSRF token). */
@FunctionalInterface
public interface ConsoleHandler {

    /** Handles the request. Refusals thrown as domain or input errors become a clear message, never a 500. */
    void handle(ConsoleRequest request) throws Exception;
}
