package dev.tandem.server.console;

import dev.tandem.core.person.Person;
import dev.tandem.server.console.view.ActivityRow;
import dev.tandem.server.console.view.ConsoleQueries;
import dev.tandem.server.console.view.PersonRow;
import dev.tandem.server.console.view.Rows;
import dev.tandem.server.console.web.ConsoleRequest;
import dev.tandem.server.console.web.ConsoleRouter;
import dev.tandem.server.console.web.Forms;
import dev.tandem.server.console.web.Paging;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.domain.people.PeopleService;

import java.util.LinkedHashMap;
import java.util.Map;

/** People search, and a person's page with their program memberships and activity log. */
final class PeoplePages {
    static final int PEOPLE_PER_PAGE = 50;
    static final int ACTIVITIES_PER_PAGE = 25;

    private final PeopleService people;
    private final ConsoleQueries queries;

    PeoplePages(PeopleService people, ConsoleQueries queries) {
        this.people = people;
        this.queries = queries;
    }

    void install(ConsoleRouter router) {
        router.page("/people", this::list);
        router.page("/people/{personId}", this::detail);
    }

    private void list(ConsoleRequest request) {
        String search = request.query("q");
        Paging paging = new Paging(Forms.page(request.query("page")), PEOPLE_PER_PAGE,
                queries.people(search, 0, 0).total());
        Rows<PersonRow> rows = queries.people(search, paging.offset(), paging.size());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rows", rows.items());
        model.put("paging", paging);
        model.put("search", search == null ? "" : search);
        model.put("baseUrl", search == null ? "/people" : "/people?q=" + ProgramPages.encode(search));
        request.render("people.jte", "People", "people", model);
    }

    private void detail(ConsoleRequest request) {
        long id = request.pathId("personId");
        Person person = people.get(id)
                .orElseThrow(() -> DomainException.notFound("There is no person with id " + id + "."));
        Paging paging = new Paging(Forms.page(request.query("page")), ACTIVITIES_PER_PAGE,
                queries.activities(id, 0, 0).total());
        Rows<ActivityRow> activities = queries.activities(id, paging.offset(), paging.size());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("person", person);
        model.put("memberships", queries.membershipsOf(id));
        model.put("activities", activities.items());
        model.put("paging", paging);
        model.put("baseUrl", "/people/" + id);
        String name = ((person.firstName() == null ? "" : person.firstName()) + " "
                + (person.lastName() == null ? "" : person.lastName())).trim();
        request.render("person.jte", name.isEmpty() ? "Person " + id : name, "people", model);
    }
}
