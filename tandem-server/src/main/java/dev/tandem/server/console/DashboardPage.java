package dev.tandem.server.console;

import dev.tandem.server.console.view.ConsoleQueries;
import dev.tandem.server.console.web.ConsoleRequest;
import dev.tandem.server.console.web.ConsoleRouter;

import java.util.LinkedHashMap;
import java.util.Map;

/** The start page: what exists, and how the campaign sync is doing. */
final class DashboardPage {

    private final ConsoleQueries queries;

    DashboardPage(ConsoleQueries queries) {
        this.queries = queries;
    }

    void install(ConsoleRouter router) {
        router.page("/", this::show);
    }

    private void show(ConsoleRequest request) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("overview", queries.overview());
        request.render("dashboard.jte", "Dashboard", "dashboard", model);
    }
}
