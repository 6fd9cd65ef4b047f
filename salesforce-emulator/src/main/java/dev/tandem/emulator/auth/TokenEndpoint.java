package dev.tandem.emulator.auth;

import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.emulator.EmulatorConfig;
import dev.tandem.emulator.http.ApiResponse;
import dev.tandem.emulator.http.Json;
import dev.tandem.emulator.org.Org;
import dev.tandem.emulator.org.Principal;
import dev.tandem.emulator.store.SRecord;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POST /services/oauth2/token: client credentials (running as the integration user), username-password, refresh
 * token and JWT bearer grants. Password, client-credentials and JWT grants return no refresh token, as in Salesforce.
 */
public final class TokenEndpoint {
    /** The seeded users' passwords. */
    private static final Map<String, String> PASSWORDS = Map.of(
            Org.INTEGRATION_USERNAME, "tandem-password",
            Org.ANALYST_USERNAME, "analyst-password");

    private final Org org;
    private final Sessions sessions;
    private final JwtBearer jwt;
    private final Supplier<String> baseUrl;

    public TokenEndpoint(Org org, Sessions sessions, EmulatorConfig config, Supplier<String> baseUrl) {
        this.org = org;
        this.sessions = sessions;
        this.jwt = new JwtBearer(config.jwtPublicKeyPem(), org.clock());
        this.baseUrl = baseUrl;
    }

    /** Handles a token request given its form fields and Authorization header. */
    public ApiResponse handle(Map<String, String> form, String authorization) {
        try {
            String grant = form.get("grant_type");
            if (grant == null) {
                throw new OAuthError("unsupported_grant_type", "grant type not supported");
            }
            return switch (grant) {
                case "client_credentials" -> {
                    checkClient(form, authorization, true);
                    yield success(org.integrationUser());
                }
                case "password" -> {
                    checkClient(form, authorization, true);
                    String username = form.get("username");
                    Principal p = org.userByName(username);
                    String expected = p == null ? null : PASSWORDS.get(p.username());
                    if (expected == null || !expected.equals(form.get("password"))) {
                        throw new OAuthError("invalid_grant", "authentication failure");
                    }
                    yield success(p);
                }
                case "refresh_token" -> {
                    checkClient(form, authorization, false);
                    Principal p = sessions.resolveRefreshToken(form.get("refresh_token"));
                    if (p == null) {
                        throw new OAuthError("invalid_grant", "expired access/refresh token");
                    }
                    yield success(p);
                }
                case "urn:ietf:params:oauth:grant-type:jwt-bearer" -> {
                    String assertion = form.get("assertion");
                    if (assertion == null) {
                        throw new OAuthError("invalid_grant", "invalid assertion");
                    }
                    DecodedJWT token = jwt.verify(assertion, EmulatorConfig.CLIENT_ID, baseUrl.get(),
                            "https://login.salesforce.com", "https://test.salesforce.com");
                    Principal p = org.userByName(token.getSubject());
                    if (p == null) {
                        throw new OAuthError("invalid_grant", "user hasn't approved this consumer");
                    }
                    yield success(p);
                }
                default -> throw new OAuthError("unsupported_grant_type", "grant type not supported");
            };
        } catch (OAuthError e) {
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.put("error", e.error());
            body.put("error_description", e.getMessage());
            return ApiResponse.json(400, body);
        }
    }

    /** Checks client_id/secret from the form or HTTP Basic; the secret is optional for refresh grants. */
    private void checkClient(Map<String, String> form, String authorization, boolean secretRequired) {
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    id = decoded.substring(0, colon);
                    secret = decoded.substring(colon + 1);
                }
            } catch (IllegalArgumentException e) {
                throw new OAuthError("invalid_client", "invalid client credentials");
            }
        }
        if (!EmulatorConfig.CLIENT_ID.equals(id)) {
            throw new OAuthError("invalid_client_id", "client identifier invalid");
        }
        if ((secretRequired || secret != null) && !EmulatorConfig.CLIENT_SECRET.equals(secret)) {
            throw new OAuthError("invalid_client", "invalid client credentials");
        }
    }

    /** The token response for a user, also used by the control plane's direct token minting. */
    public ApiResponse success(Principal p) {
        SRecord user = org.user(p.userId());
        if (user == null || !user.flag("IsActive")) {
            throw new OAuthError("invalid_grant", "inactive user");
        }
        String token = sessions.open(p);
        String id = baseUrl.get() + "/id/" + org.orgId() + "/" + p.userId();
        String issuedAt = String.valueOf(System.currentTimeMillis());
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("access_token", token);
        body.put("signature", signature(id + issuedAt));
        body.put("scope", "api");
        body.put("instance_url", baseUrl.get());
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        return ApiResponse.json(200, body);
    }

    /** Base64 HMAC-SHA256 of id + issued_at keyed with the client secret, as Salesforce signs token responses. */
    private static String signature(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(EmulatorConfig.CLIENT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
