package dev.tandem.server.console;

import dev.tandem.server.TandemApp;
import dev.tandem.server.auth.SecretHasher;
import dev.tandem.server.automation.CampaignService;
import dev.tandem.server.automation.api.AutomationModule;
import dev.tandem.server.console.auth.ConsoleSessions;
import dev.tandem.server.console.auth.ConsoleUsers;
import dev.tandem.server.console.view.ConsoleQueries;
import dev.tandem.server.console.web.ConsoleRouter;
import dev.tandem.server.console.web.NavLink;
import dev.tandem.server.console.web.Templates;
import dev.tandem.server.http.TandemModule;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The web console: server-rendered pages behind a sign-in, for the people who run programs and watch the campaign
 * sync. Every page and form goes through {@link ConsoleRouter}, which enforces the session and CSRF rules.
 */
public final class ConsoleModule implements TandemModule {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleModule.class);

    private final TandemApp.Services services;
    private final ConsoleUsers users;
    private final ConsoleSessions sessions;
    private final Templates templates = new Templates();

    private final Optional<SyncServices> sync;
    private final Optional<FlowServices> flow;
    private final Optional<CampaignService> smartCampaigns;

    /**
     * @param peers the modules the server runs besides this one; the console adds pages for those it knows (the
     *              campaign sync), and leaves out what is not there
     */
    public ConsoleModule(TandemApp.Services services, List<TandemModule> peers) {
        this.services = services;
        this.sync = SyncServices.find(peers);
        this.flow = FlowServices.find(services, peers);
        this.smartCampaigns = peers.stream().filter(AutomationModule.class::isInstance)
                .map(module -> ((AutomationModule) module).campaigns()).findFirst();
        this.users = new ConsoleUsers(services.database().jdbi(), new SecretHasher(), services.clock());
        this.sessions = new ConsoleSessions(services.database().jdbi(), services.clock());
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public void routes(Javalin app) {
        ConsoleRouter router = new ConsoleRouter(app, sessions, templates, navigation());
        ConsoleQueries queries = new ConsoleQueries(services.database().jdbi());
        Assets.install(app);
        new LoginPages(users, sessions, templates, router).install(app);
        new DashboardPage(queries, services.programs(), sync, flow).install(router);
        new ProgramPages(services.programs(), services.memberships(), queries, sync.map(LinkPanel::new))
                .install(router);
        sync.ifPresent(s -> new SettingsPage(s, services.json()).install(router));
        flow.ifPresent(f -> new SyncHealthPage(f).install(router));
        flow.ifPresent(f -> new ErrorsPage(f, queries).install(router));
        smartCampaigns.ifPresent(c -> new SmartCampaignPages(c, queries, services.json()).install(router));
        new PeoplePages(services.people(), queries).install(router);
    }

    private List<NavLink> navigation() {
        List<NavLink> nav = new ArrayList<>(List.of(new NavLink("dashboard", "Dashboard", "/"),
                new NavLink("programs", "Programs", "/programs"), new NavLink("people", "People", "/people")));
        if (smartCampaigns.isPresent()) {
            nav.add(new NavLink("smart-campaigns", "Smart campaigns", "/smart-campaigns"));
        }
        if (flow.isPresent()) {
            nav.add(new NavLink("sync", "Sync health", "/sync"));
            nav.add(new NavLink("errors", "Errors", "/sync/errors"));
        }
        if (sync.isPresent()) {
            nav.add(new NavLink("settings", "Settings", "/settings"));
        }
        return nav;
    }

    @Override
    public void start() {
        if (users.count() == 0) {
            LOG.warn("No console user exists yet: create one with `tandem user create --username <name>`");
        }
    }

    /** The console's users, for the CLI and the demo. */
    public ConsoleUsers users() {
        return users;
    }
}
