package dev.tandem.server.auth;

import dev.tandem.server.http.TandemModule;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Marketo's identity endpoint, {@code /identity/oauth/token} (GET or POST, parameters in the query string or a form
 * body): the client-credentials grant only. Failures use the OAuth error shape with HTTP 401/400, as Marketo's
 * identity service does, not the REST envelope.
 */
public final class IdentityModule implements TandemModule {
    public static final String TOKEN_PATH = "/identity/oauth/token";

    private final AccessTokens tokens;

    public IdentityModule(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public void routes(Javalin app) {
        app.get(TOKEN_PATH, this::token);
        app.post(TOKEN_PATH, this::token);
    }

    private void token(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        String grantType = param(ctx, "grant_type");
        if (!"client_credentials".equals(grantType)) {
            oauthError(ctx, 400, "unsupported_grant_type",
                    grantType == null ? "grant_type is required and must be client_credentials"
                            : "grant_type must be client_credentials");
            return;
        }
        String clientId = param(ctx, "client_id");
        String clientSecret = param(ctx, "client_secret");
        if (clientId == null || clientSecret == null) {
            oauthError(ctx, 401, "invalid_client", "client_id and client_secret are required");
            return;
        }
        Optional<IssuedToken> issued = tokens.issue(clientId, clientSecret);
        if (issued.isEmpty()) {
            oauthError(ctx, 401, "invalid_client", "Bad client credentials");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.get().accessToken());
        body.put("token_type", "bearer");
        body.put("expires_in", issued.get().expiresIn());
        body.put("scope", clientId);
        ctx.json(body);
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null && ctx.contentType() != null
                && ctx.contentType().toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            value = ctx.formParam(name);
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static void oauthError(Context ctx, int status, String error, String description) {
        ctx.status(status).json(Map.of("error", error, "error_description", description));
    }
}
