package dev.tandem.server.auth;

import dev.tandem.server.http.ApiException;
import dev.tandem.server.http.ErrorCode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.jetbrains.annotations.NotNull;

/**
 * Guards protected routes: the token comes from {@code Authorization: Bearer …} or, as Marketo still accepts, the
 * {@code access_token} query parameter. Missing or unknown → 601, expired → 602.
 */
public final class BearerAuthenticator implements Handler {
    private static final String BEARER = "bearer ";

    private final AccessTokens tokens;

    public BearerAuthenticator(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(@NotNull Context ctx) {
        String token = presentedToken(ctx);
        if (token == null) {
            throw new ApiException(ErrorCode.ACCESS_TOKEN_INVALID, "Access token invalid: no access token was sent");
        }
        switch (tokens.check(token)) {
            case VALID -> { }
            case EXPIRED -> throw new ApiException(ErrorCode.ACCESS_TOKEN_EXPIRED);
            case INVALID -> throw new ApiException(ErrorCode.ACCESS_TOKEN_INVALID);
        }
    }

    private static String presentedToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = header.substring(BEARER.length()).trim();
            return token.isEmpty() ? null : token;
        }
        String query = ctx.queryParam("access_token");
        return query == null || query.isBlank() ? null : query.trim();
    }
}
