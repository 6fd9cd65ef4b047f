package dev.tandem.server.console.view;

/** Headline counts for the dashboard. */
public record Overview(long programs, long linkedPrograms, long people, long memberships) {
}
