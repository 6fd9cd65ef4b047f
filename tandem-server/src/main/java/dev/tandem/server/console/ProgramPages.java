package dev.tandem.server.console;

import dev.tandem.core.channel.Channel;
import dev.tandem.core.channel.ProgressionStatus;
import dev.tandem.core.membership.ChangeSource;
import dev.tandem.core.program.Program;
import dev.tandem.core.program.ProgramType;
import dev.tandem.server.console.auth.Flash;
import dev.tandem.server.console.view.ConsoleQueries;
import dev.tandem.server.console.view.MemberRow;
import dev.tandem.server.console.view.ProgramRow;
import dev.tandem.server.console.view.Rows;
import dev.tandem.server.console.web.ConsoleRequest;
import dev.tandem.server.console.web.ConsoleRouter;
import dev.tandem.server.console.web.Forms;
import dev.tandem.server.console.web.Paging;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.domain.membership.ChangeContext;
import dev.tandem.server.domain.membership.MemberResult;
import dev.tandem.server.domain.membership.MembershipService;
import dev.tandem.server.domain.programs.ProgramService;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The programs list (search, create) and a program's page (channel, costs, members, status changes). */
final class ProgramPages {
    static final int PROGRAMS_PER_PAGE = 25;
    static final int MEMBERS_PER_PAGE = 50;

    private final ProgramService programs;
    private final MembershipService memberships;
    private final ConsoleQueries queries;
    private final Optional<LinkPanel> linkPanel;
    private final Optional<TokenPanel> tokenPanel;

    ProgramPages(ProgramService programs, MembershipService memberships, ConsoleQueries queries,
                 Optional<LinkPanel> linkPanel, Optional<TokenPanel> tokenPanel) {
        this.programs = programs;
        this.memberships = memberships;
        this.queries = queries;
        this.linkPanel = linkPanel;
        this.tokenPanel = tokenPanel;
    }

    void install(ConsoleRouter router) {
        router.page("/programs", request -> list(request, ProgramForm.empty(), Map.of(), 200));
        router.action("/programs", this::create);
        router.page("/programs/{programId}", request -> detail(request, null, 200));
        router.action("/programs/{programId}/members/{personId}/status", this::changeStatus);
        linkPanel.ifPresent(panel -> panel.install(router));
        tokenPanel.ifPresent(panel -> {
            router.action("/programs/{programId}/tokens", request -> {
                long id = request.pathId("programId");
                Optional<TokenPanelView> refused = panel.save(request, id);
                if (refused.isPresent()) {
                    detail(request, refused.get(), 422);
                }
            });
            router.action("/programs/{programId}/tokens/delete",
                    request -> panel.delete(request, request.pathId("programId")));
        });
    }

    private void list(ConsoleRequest request, ProgramForm form, Map<String, String> errors, int status) {
        String search = request.query("q");
        Rows<ProgramRow> probe = queries.programs(search, 0, 0);
        Paging paging = new Paging(Forms.page(request.query("page")), PROGRAMS_PER_PAGE, probe.total());
        Rows<ProgramRow> rows = queries.programs(search, paging.offset(), paging.size());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rows", rows.items());
        model.put("paging", paging);
        model.put("search", search == null ? "" : search);
        model.put("baseUrl", search == null ? "/programs" : "/programs?q=" + encode(search));
        model.put("channels", programs.channels(ProgramService.MAX_RETURN, 0));
        model.put("types", List.of(ProgramType.values()));
        model.put("form", form);
        model.put("errors", errors);
        request.render(status, "programs.jte", "Programs", "programs", model);
    }

    private void create(ConsoleRequest request) throws Exception {
        ProgramForm form = new ProgramForm(request.form("name"), request.form("type"), request.form("channel"),
                request.form("description"), request.form("costMonth"), request.form("costAmount"));
        Map<String, String> errors = new LinkedHashMap<>(form.errors());
        if (errors.isEmpty()) {
            try {
                Program created = programs.create(form.toRequest());
                request.redirect("/programs/" + created.id(), Flash.success("Program “" + created.name() + "” created."));
                return;
            } catch (DomainException e) {
                String message = e.getMessage();
                int colon = message.indexOf(':');
                String field = colon > 0 ? message.substring(0, colon) : "name";
                errors.put(List.of("name", "type", "channel").contains(field) ? field : "name",
                        colon > 0 ? message.substring(colon + 1).trim() : message);
            }
        }
        list(request, form, errors, 422);
    }

    /**
     * Renders a program's page; {@code tokens} is the My Tokens panel to show as it is (a refused form), or null
     * for the stored tokens and an empty form.
     */
    private void detail(ConsoleRequest request, TokenPanelView tokens, int status) {
        long id = request.pathId("programId");
        Program program = programs.get(id)
                .orElseThrow(() -> DomainException.notFound("There is no program with id " + id + "."));
        Channel channel = programs.channelByName(program.channelName()).orElseThrow();
        String statusFilter = request.query("status");
        Rows<MemberRow> probe = queries.members(id, statusFilter, 0, 0);
        Paging paging = new Paging(Forms.page(request.query("page")), MEMBERS_PER_PAGE, probe.total());
        Rows<MemberRow> members = queries.members(id, statusFilter, paging.offset(), paging.size());
        Map<String, Long> counts = memberships.statusCounts(id);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("program", program);
        model.put("channel", channel);
        model.put("statuses", channel.memberStatuses().stream().map(ProgressionStatus::name).toList());
        model.put("counts", counts);
        model.put("totalMembers", counts.values().stream().mapToLong(Long::longValue).sum());
        model.put("members", members.items());
        model.put("paging", paging);
        model.put("statusFilter", statusFilter);
        model.put("baseUrl", statusFilter == null ? "/programs/" + id
                : "/programs/" + id + "?status=" + encode(statusFilter));
        model.put("link", linkPanel.map(panel -> panel.view(program, request)).orElse(null));
        model.put("tokens", tokens != null ? tokens : tokenPanel.map(panel -> panel.view(id)).orElse(null));
        request.render(status, "program.jte", program.name(), "programs", model);
    }

    private void changeStatus(ConsoleRequest request) {
        long programId = request.pathId("programId");
        long personId = request.pathId("personId");
        String status = Forms.trimmed(request.form("status"));
        if (status == null) {
            throw DomainException.blank("status");
        }
        MemberResult result = memberships.changeStatus(programId, List.of(personId), status,
                ChangeContext.of(ChangeSource.CONSOLE, "Changed by " + request.username() + " in the console")).get(0);
        String back = Forms.localPath(request.form("back"));
        String target = back.startsWith("/programs/" + programId) || back.startsWith("/people/" + personId)
                ? back : "/programs/" + programId;
        Flash flash = switch (result.status()) {
            case CREATED -> Flash.success("Person " + personId + " added with status “" + status + "”.");
            case UPDATED -> Flash.success("Person " + personId + " is now “" + status + "”.");
            case DELETED -> Flash.success("Person " + personId + " removed from the program.");
            case SKIPPED -> Flash.error("Status not changed: " + result.reason().message()
                    + " (code " + result.reason().code() + ").");
        };
        request.redirect(target, flash);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
