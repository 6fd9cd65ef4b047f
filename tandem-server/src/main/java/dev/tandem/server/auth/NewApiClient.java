package dev.tandem.server.auth;

/** A freshly created API client: the only moment its plain secret exists. */
public record NewApiClient(String clientId, String name, String clientSecret) {
    @Override
    public String toString() {
        return "NewApiClient[clientId=" + clientId + ", name=" + name + ", clientSecret=****]";
    }
}
