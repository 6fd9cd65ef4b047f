package dev.tandem.emulator.org;

/** The user a request runs as. */
public record Principal(String userId, String username) {
}
