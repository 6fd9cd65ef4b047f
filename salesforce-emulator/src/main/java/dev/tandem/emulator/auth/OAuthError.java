package dev.tandem.emulator.auth;

/** An OAuth token-endpoint failure: {"error":…,"error_description":…} with HTTP 400. */
final class OAuthError extends RuntimeException {
    private final String error;

    OAuthError(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    String error() {
        return error;
    }
}
