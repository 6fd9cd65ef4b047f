package dev.tandem.server.config;

/** An API client's id and plain secret, as configured; {@link #toString()} never shows the secret. */
public record ApiClientSecret(String clientId, String clientSecret) {

    public ApiClientSecret {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("API client id cannot be blank");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("API client secret cannot be blank");
        }
    }

    @Override
    public String toString() {
        return "ApiClientSecret[clientId=" + clientId + ", clientSecret=****]";
    }
}
