package dev.tandem.server.auth;

/** An access token as the identity endpoint returns it; {@code expiresIn} is the seconds it has left. */
public record IssuedToken(String accessToken, long expiresIn) {
    @Override
    public String toString() {
        return "IssuedToken[accessToken=****, expiresIn=" + expiresIn + "]";
    }
}
