package dev.tandem.server.console.web;

import dev.tandem.server.console.auth.Flash;

import java.util.List;

/**
 * What the page layout needs besides the page itself: its title, the navigation (only what this server runs) and
 * the section to highlight, who is signed in, the CSRF token every form echoes, and a pending message (or null).
 */
public record Frame(String title, String section, List<NavLink> nav, String username, String csrfToken, Flash flash) {
}
