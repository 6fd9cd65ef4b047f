package dev.tandem.server.console;

import dev.tandem.server.console.auth.ConsoleSessions;
import dev.tandem.server.console.auth.ConsoleUser;
import dev.tandem.server.console.auth.ConsoleUsers;
import dev.tandem.server.console.web.ConsoleRouter;
import dev.tandem.server.console.web.Forms;
import dev.tandem.server.console.web.Templates;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in and sign-out. The sign-in form is protected against login CSRF with a double-submit token (a cookie and
 * a hidden field that must agree), since no session exists yet to hold one.
 */
final class LoginPages {
    private static final String LOGIN_CSRF_COOKIE = "tandem_login_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsoleUsers users;
    private final ConsoleSessions sessions;
    private final Templates templates;
    private final ConsoleRouter router;

    LoginPages(ConsoleUsers users, ConsoleSessions sessions, Templates templates, ConsoleRouter router) {
        this.users = users;
        this.sessions = sessions;
        this.templates = templates;
        this.router = router;
    }

    void install(Javalin app) {
        app.get("/login", this::form);
        app.post("/login", this::signIn);
        router.action("/logout", request -> {
            sessions.close(request.session());
            request.ctx().removeCookie(ConsoleRouter.SESSION_COOKIE, "/");
            request.redirect("/login");
        });
    }

    private void form(Context ctx) {
        if (router.session(ctx).isPresent()) {
            ctx.redirect(Forms.localPath(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, 200, null, "", ctx.queryParam("next"));
    }

    private void signIn(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
        String next = ctx.formParam("next");
        String cookieToken = ctx.cookie(LOGIN_CSRF_COOKIE);
        String formToken = ctx.formParam(ConsoleRouter.CSRF_FIELD);
        if (cookieToken == null || formToken == null || !MessageDigest.isEqual(
                cookieToken.getBytes(StandardCharsets.UTF_8), formToken.getBytes(StandardCharsets.UTF_8))) {
            render(ctx, 403, "The sign-in form expired. Please try again.", username, next);
            return;
        }
        Optional<ConsoleUser> user = users.authenticate(username, ctx.formParam("password"));
        if (user.isEmpty()) {
            render(ctx, 401, "Wrong username or password.", username, next);
            return;
        }
        Cookie cookie = new Cookie(ConsoleRouter.SESSION_COOKIE, sessions.open(user.get()), "/",
                (int) ConsoleSessions.LIFETIME.toSeconds(), secure(ctx), 0, true, null, null, SameSite.LAX);
        ctx.cookie(cookie);
        ctx.removeCookie(LOGIN_CSRF_COOKIE, "/login");
        ctx.redirect(Forms.localPath(next), HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, String error, String username, String next) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ctx.cookie(new Cookie(LOGIN_CSRF_COOKIE, token, "/login", -1, secure(ctx), 0, true, null, null, SameSite.LAX));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("username", username);
        params.put("next", Forms.localPath(next));
        params.put("csrf", token);
        ConsoleRouter.securityHeaders(ctx);
        ctx.status(status).html(templates.render("login.jte", params));
    }

    // Behind a TLS-terminating proxy the request arrives as plain HTTP; the proxy's header says what the browser used.
    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
