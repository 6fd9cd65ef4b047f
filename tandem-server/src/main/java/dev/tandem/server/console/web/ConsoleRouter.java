package dev.tandem.server.console.web;

import dev.tandem.server.console.auth.ConsoleSession;
import dev.tandem.server.console.auth.ConsoleSessions;
import dev.tandem.server.console.auth.Flash;
import dev.tandem.server.http.Responses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registers console routes so that none can forget the rules: every page needs a session (else a redirect to the
 * sign-in page), every POST needs the session's CSRF token (else 403), and every failure becomes an HTML page
 * or message instead of the REST API's JSON.
 */
public final class ConsoleRouter {
    /** The session cookie's name. */
    public static final String SESSION_COOKIE = "tandem_session";
    /** The hidden form field that carries the CSRF token. */
    public static final String CSRF_FIELD = "csrf";

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRouter.class);
    private static final String RENDERED_PAGE = "tandem.console.page";

    private final Javalin app;
    private final ConsoleSessions sessions;
    private final Templates templates;
    private final List<NavLink> nav;

    /** Routes of {@code app}, with {@code nav} as the main navigation of every page. */
    public ConsoleRouter(Javalin app, ConsoleSessions sessions, Templates templates, List<NavLink> nav) {
        this.app = app;
        this.sessions = sessions;
        this.templates = templates;
        this.nav = List.copyOf(nav);
        // The server answers every 404 with a JSON envelope after the handlers ran; a console page that says
        // "not found" puts its HTML back afterwards.
        app.after(ctx -> {
            RenderedPage page = ctx.attribute(RENDERED_PAGE);
            if (page != null) {
                ctx.status(page.status()).html(page.html());
            }
        });
    }

    /** A page (GET) for signed-in users. */
    public void page(String path, ConsoleHandler handler) {
        app.get(path, ctx -> run(ctx, handler, false));
    }

    /** A form action (POST) for signed-in users with a valid CSRF token. */
    public void action(String path, ConsoleHandler handler) {
        app.post(path, ctx -> run(ctx, handler, true));
    }

    /** The signed-in session of this request, if any. */
    public Optional<ConsoleSession> session(Context ctx) {
        return sessions.find(ctx.cookie(SESSION_COOKIE));
    }

    /** Headers every console page carries: no caching of data, no framing, scripts and styles only from here. */
    public static void securityHeaders(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none';"
                + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    }

    private void run(Context ctx, ConsoleHandler handler, boolean post) {
        securityHeaders(ctx);
        Optional<ConsoleSession> session = session(ctx);
        if (session.isEmpty()) {
            if (post) {
                ctx.redirect("/login", HttpStatus.SEE_OTHER);
            } else {
                String next = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
                ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            }
            return;
        }
        if (post && !ConsoleSessions.csrfMatches(session.get(), ctx.formParam(CSRF_FIELD))) {
            LOG.warn("Refused a console POST to {} without a valid CSRF token (request {})", ctx.path(),
                    Responses.requestId(ctx));
            errorPage(ctx, 403, "Forbidden",
                    "This form was not sent from a page of this console (its security token is missing or stale). "
                            + "Go back, reload the page and try again.");
            return;
        }
        ConsoleRequest request = new ConsoleRequest(ctx, session.get(), sessions, templates, nav);
        try {
            handler.handle(request);
        } catch (Exception e) {
            Optional<String> message = UserErrors.message(e);
            if (message.isEmpty()) {
                LOG.error("Console {} {} failed (request {})", ctx.method(), ctx.path(), Responses.requestId(ctx), e);
            }
            String shown = message.orElse("Something went wrong on our side. The details are in the server log "
                    + "under request " + Responses.requestId(ctx) + ".");
            if (post) {
                request.redirect(back(ctx), Flash.error(shown));
            } else if (UserErrors.isNotFound(e)) {
                errorPage(ctx, 404, "Not found", shown);
            } else {
                errorPage(ctx, message.isPresent() ? 400 : 500, message.isPresent() ? "Cannot show this page"
                        : "Error", shown);
            }
        }
    }

    /** Renders the stand-alone error page. */
    public void errorPage(Context ctx, int status, String title, String message) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("title", title);
        params.put("message", message);
        params.put("signedIn", session(ctx).isPresent());
        String html = templates.render("error.jte", params);
        ctx.attribute(RENDERED_PAGE, new RenderedPage(status, html));
        ctx.status(status).html(html);
    }

    // Where a failed form goes back to: the page it came from when that is this console, else the dashboard.
    private static String back(Context ctx) {
        String referer = ctx.header("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(hostOnly(ctx.host()))) {
                return "/";
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return Forms.localPath(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    private record RenderedPage(int status, String html) {
    }

    private static String hostOnly(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        int colon = hostHeader.lastIndexOf(':');
        return colon > 0 && !hostHeader.endsWith("]") ? hostHeader.substring(0, colon) : hostHeader;
    }
}
