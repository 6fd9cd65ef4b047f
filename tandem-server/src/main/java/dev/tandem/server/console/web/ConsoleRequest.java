package dev.tandem.server.console.web;

import dev.tandem.server.console.auth.ConsoleSession;
import dev.tandem.server.console.auth.ConsoleSessions;
import dev.tandem.server.console.auth.Flash;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One signed-in request: the Javalin context, the session, and helpers to render pages and redirect. */
public final class ConsoleRequest {

    private final Context ctx;
    private final ConsoleSession session;
    private final ConsoleSessions sessions;
    private final Templates templates;
    private final List<NavLink> nav;

    ConsoleRequest(Context ctx, ConsoleSession session, ConsoleSessions sessions, Templates templates,
                   List<NavLink> nav) {
        this.ctx = ctx;
        this.session = session;
        this.sessions = sessions;
        this.templates = templates;
        this.nav = nav;
    }

    /** The underlying Javalin context. */
    public Context ctx() {
        return ctx;
    }

    /** The signed-in session. */
    public ConsoleSession session() {
        return session;
    }

    /** Who is signed in. */
    public String username() {
        return session.username();
    }

    /** A path parameter as a number, naming it when it is not one. */
    public long pathId(String name) {
        return Forms.requiredLong(name, ctx.pathParam(name));
    }

    /** A trimmed query parameter, or null. */
    public String query(String name) {
        return Forms.trimmed(ctx.queryParam(name));
    }

    /** A form field as sent (null when absent). */
    public String form(String name) {
        return ctx.formParam(name);
    }

    /** Renders a page inside the layout with HTTP 200. */
    public void render(String template, String title, String section, Map<String, Object> model) {
        render(200, template, title, section, model);
    }

    /** Renders a page inside the layout with the given status (e.g. 422 for a form with errors). */
    public void render(int status, String template, String title, String section, Map<String, Object> model) {
        Map<String, Object> params = new LinkedHashMap<>(model);
        params.put("frame", new Frame(title, section, nav, session.username(), session.csrfToken(),
                sessions.takeFlash(session).orElse(null)));
        ctx.status(status).html(templates.render(template, params));
    }

    /** Redirects (303, so the browser follows with GET) and shows {@code flash} on the next page. */
    public void redirect(String path, Flash flash) {
        sessions.flash(session, flash);
        redirect(path);
    }

    /** Redirects (303) without a message. */
    public void redirect(String path) {
        ctx.redirect(path, HttpStatus.SEE_OTHER);
    }
}
