package dev.tandem.server.console.web;

/** One entry of the console's main navigation; {@code section} is what a page names to highlight it. */
public record NavLink(String section, String label, String href) {
}
