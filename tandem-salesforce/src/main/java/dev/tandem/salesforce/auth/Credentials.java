package dev.tandem.salesforce.auth;

/** The credentials of one OAuth flow; each record's {@code toString} hides its secrets. */
public sealed interface Credentials {

    /** JWT bearer: a token signed with the connected app's private key (recommended for servers). */
    record JwtBearer(String clientId, String username, String privateKeyPem, String audience) implements Credentials {
        @Override
        public String toString() {
            return "JwtBearer[clientId=" + clientId + ", username=" + username + ", audience=" + audience
                    + ", privateKeyPem=***]";
        }
    }

    /** Client credentials: the connected app runs as its configured "Run As" user. */
    record ClientCredentials(String clientId, String clientSecret) implements Credentials {
        @Override
        public String toString() {
            return "ClientCredentials[clientId=" + clientId + ", clientSecret=***]";
        }
    }

    /** A refresh token issued earlier by the web-server flow. */
    record RefreshToken(String clientId, String clientSecret, String refreshToken) implements Credentials {
        @Override
        public String toString() {
            return "RefreshToken[clientId=" + clientId + ", clientSecret=***, refreshToken=***]";
        }
    }

    /** Username and password (with security token appended when the org requires one); for development. */
    record Password(String clientId, String clientSecret, String username, String password) implements Credentials {
        @Override
        public String toString() {
            return "Password[clientId=" + clientId + ", username=" + username + ", clientSecret=***, password=***]";
        }
    }
}
