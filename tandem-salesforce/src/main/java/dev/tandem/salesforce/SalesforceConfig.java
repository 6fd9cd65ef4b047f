package dev.tandem.salesforce;

import dev.tandem.salesforce.auth.Credentials;
import dev.tandem.salesforce.http.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the client needs to reach one org. Build with {@link #builder(String)}; {@link #toString()} never
 * shows secrets.
 *
 * @param loginUrl                    token host: https://login.salesforce.com, https://test.salesforce.com or My Domain
 * @param apiVersion                  pinned REST version such as {@code 62.0}
 * @param jwtAudience                 the JWT {@code aud} claim; defaults to {@code loginUrl}
 * @param apiBudgetPercent            share of the org's daily API allocation usage may reach (default 50)
 * @param throttleFromPercentOfBudget throttling starts at this share of the budget (default 80)
 * @param maxThrottleDelay            the wait per request just below the budget (default 2 s)
 * @param bulkThreshold               {@code write} uses Bulk API 2.0 above this many records (default 2000)
 */
public record SalesforceConfig(URI loginUrl, String apiVersion, AuthMode authMode, String clientId,
                               String clientSecret, String username, String password, String privateKeyPem,
                               String refreshToken, String jwtAudience, int apiBudgetPercent,
                               int throttleFromPercentOfBudget, Duration maxThrottleDelay, int bulkThreshold,
                               Duration connectTimeout, Duration requestTimeout, RetryPolicy retry,
                               Duration bulkPollInterval, Duration bulkMaxPollInterval, Duration bulkTimeout) {

    public SalesforceConfig {
        Objects.requireNonNull(loginUrl, "loginUrl is required");
        if (loginUrl.getScheme() == null || !loginUrl.getScheme().startsWith("http") || loginUrl.getHost() == null) {
            throw new IllegalArgumentException("loginUrl must be an http(s) URL, was " + loginUrl);
        }
        if (apiVersion == null || !apiVersion.matches("\\d{2,3}\\.0")) {
            throw new IllegalArgumentException("apiVersion must look like 62.0, was " + apiVersion);
        }
        Objects.requireNonNull(authMode, "authMode is required");
        require(clientId, "clientId", authMode);
        switch (authMode) {
            case JWT_BEARER -> {
                require(username, "username", authMode);
                require(privateKeyPem, "privateKeyPem", authMode);
            }
            case CLIENT_CREDENTIALS -> require(clientSecret, "clientSecret", authMode);
            case REFRESH_TOKEN -> require(refreshToken, "refreshToken", authMode);
            case PASSWORD -> {
                require(clientSecret, "clientSecret", authMode);
                require(username, "username", authMode);
                require(password, "password", authMode);
            }
        }
        if (apiBudgetPercent < 1 || apiBudgetPercent > 100) {
            throw new IllegalArgumentException("apiBudgetPercent must be within 1..100, was " + apiBudgetPercent);
        }
        if (throttleFromPercentOfBudget < 0 || throttleFromPercentOfBudget > 100) {
            throw new IllegalArgumentException("throttleFromPercentOfBudget must be within 0..100, was "
                    + throttleFromPercentOfBudget);
        }
        if (bulkThreshold < 1) {
            throw new IllegalArgumentException("bulkThreshold must be positive, was " + bulkThreshold);
        }
        positive(maxThrottleDelay, "maxThrottleDelay", true);
        positive(connectTimeout, "connectTimeout", false);
        positive(requestTimeout, "requestTimeout", false);
        positive(bulkPollInterval, "bulkPollInterval", false);
        positive(bulkMaxPollInterval, "bulkMaxPollInterval", false);
        positive(bulkTimeout, "bulkTimeout", false);
        Objects.requireNonNull(retry, "retry is required");
        if (jwtAudience == null) {
            jwtAudience = loginUrl.toString().replaceAll("/+$", "");
        }
    }

    private static void require(String value, String name, AuthMode mode) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required for " + mode);
        }
    }

    private static void positive(Duration d, String name, boolean zeroAllowed) {
        if (d == null || d.isNegative() || (!zeroAllowed && d.isZero())) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
    }

    /** The credentials of the configured flow. */
    public Credentials credentials() {
        return switch (authMode) {
            case JWT_BEARER -> new Credentials.JwtBearer(clientId, username, privateKeyPem, jwtAudience);
            case CLIENT_CREDENTIALS -> new Credentials.ClientCredentials(clientId, clientSecret);
            case REFRESH_TOKEN -> new Credentials.RefreshToken(clientId, clientSecret, refreshToken);
            case PASSWORD -> new Credentials.Password(clientId, clientSecret, username, password);
        };
    }

    /** The REST root path for the pinned version, e.g. {@code /services/data/v62.0}. */
    public String dataPath() {
        return "/services/data/v" + apiVersion;
    }

    @Override
    public String toString() {
        return "SalesforceConfig[loginUrl=" + loginUrl + ", apiVersion=" + apiVersion + ", authMode=" + authMode
                + ", clientId=" + clientId + ", username=" + username + ", clientSecret=" + mask(clientSecret)
                + ", password=" + mask(password) + ", privateKeyPem=" + mask(privateKeyPem) + ", refreshToken="
                + mask(refreshToken) + ", apiBudgetPercent=" + apiBudgetPercent + ", bulkThreshold=" + bulkThreshold
                + ", retry=" + retry + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "null" : "***";
    }

    /** A builder with the documented defaults. */
    public static Builder builder(String loginUrl) {
        return new Builder(URI.create(Objects.requireNonNull(loginUrl, "loginUrl is required")));
    }

    /** Fluent construction of a {@link SalesforceConfig}. */
    public static final class Builder {
        private final URI loginUrl;
        private String apiVersion = "62.0";
        private AuthMode authMode;
        private String clientId;
        private String clientSecret;
        private String username;
        private String password;
        private String privateKeyPem;
        private String refreshToken;
        private String jwtAudience;
        private int apiBudgetPercent = 50;
        private int throttleFromPercentOfBudget = 80;
        private Duration maxThrottleDelay = Duration.ofSeconds(2);
        private int bulkThreshold = 2000;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(120);
        private RetryPolicy retry = RetryPolicy.defaults();
        private Duration bulkPollInterval = Duration.ofSeconds(1);
        private Duration bulkMaxPollInterval = Duration.ofSeconds(10);
        private Duration bulkTimeout = Duration.ofMinutes(30);

        private Builder(URI loginUrl) {
            this.loginUrl = loginUrl;
        }

        public Builder jwtBearer(String clientId, String username, String privateKeyPem) {
            this.authMode = AuthMode.JWT_BEARER;
            this.clientId = clientId;
            this.username = username;
            this.privateKeyPem = privateKeyPem;
            return this;
        }

        public Builder clientCredentials(String clientId, String clientSecret) {
            this.authMode = AuthMode.CLIENT_CREDENTIALS;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        public Builder refreshToken(String clientId, String clientSecret, String refreshToken) {
            this.authMode = AuthMode.REFRESH_TOKEN;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.refreshToken = refreshToken;
            return this;
        }

        public Builder password(String clientId, String clientSecret, String username, String password) {
            this.authMode = AuthMode.PASSWORD;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.username = username;
            this.password = password;
            return this;
        }

        public Builder apiVersion(String v) {
            this.apiVersion = v;
            return this;
        }

        public Builder jwtAudience(String audience) {
            this.jwtAudience = audience;
            return this;
        }

        public Builder apiBudgetPercent(int percent) {
            this.apiBudgetPercent = percent;
            return this;
        }

        public Builder throttle(int fromPercentOfBudget, Duration maxDelay) {
            this.throttleFromPercentOfBudget = fromPercentOfBudget;
            this.maxThrottleDelay = maxDelay;
            return this;
        }

        public Builder bulkThreshold(int records) {
            this.bulkThreshold = records;
            return this;
        }

        public Builder timeouts(Duration connect, Duration request) {
            this.connectTimeout = connect;
            this.requestTimeout = request;
            return this;
        }

        public Builder retry(RetryPolicy policy) {
            this.retry = policy;
            return this;
        }

        public Builder bulkPolling(Duration initialInterval, Duration maxInterval, Duration timeout) {
            this.bulkPollInterval = initialInterval;
            this.bulkMaxPollInterval = maxInterval;
            this.bulkTimeout = timeout;
            return this;
        }

        public SalesforceConfig build() {
            if (authMode == null) {
                throw new IllegalArgumentException("authMode is required: call jwtBearer, clientCredentials,"
                        + " refreshToken or password");
            }
            return new SalesforceConfig(loginUrl, apiVersion, authMode, clientId, clientSecret, username, password,
                    privateKeyPem, refreshToken, jwtAudience, apiBudgetPercent, throttleFromPercentOfBudget,
                    maxThrottleDelay, bulkThreshold, connectTimeout, requestTimeout, retry, bulkPollInterval,
                    bulkMaxPollInterval, bulkTimeout);
        }
    }
}
