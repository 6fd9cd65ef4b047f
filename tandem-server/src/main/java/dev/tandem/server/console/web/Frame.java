package dev.tandem.server.console.web;

import dev.tandem.server.console.auth.Flash;

/**
 * What the page layout needs besides the page itself: its title, the navigation section to highlight, who is
 * signed in, the CSRF token every form echoes, and a pending one-time message (or null).
 */
public record Frame(String title, String section, String username, String csrfToken, Flash flash) {
}
