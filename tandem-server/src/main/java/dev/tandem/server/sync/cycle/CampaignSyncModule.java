package dev.tandem.server.sync.cycle;

import dev.tandem.server.TandemApp;
import dev.tandem.server.http.TandemModule;
import dev.tandem.server.sync.link.SyncLinkModule;
import dev.tandem.server.sync.reconcile.CampaignReconciler;
import io.javalin.Javalin;
import java.util.function.Function;

/**
 * The whole campaign sync as one server module: LINK (settings, connection, links) and FLOW (push, pull,
 * reconcile, runs), wired to each other. LINK needs FLOW's reconciler and FLOW needs LINK's settings, so LINK is
 * built with a reconciler that forwards to FLOW's once FLOW exists.
 */
public final class CampaignSyncModule implements TandemModule {

    private final SyncLinkModule link;
    private final SyncFlowModule flow;

    /**
     * @param linkFactory builds LINK's module around the reconciler it must call after a link
     */
    public CampaignSyncModule(TandemApp.Services services, Function<CampaignReconciler, SyncLinkModule> linkFactory,
                              FlowOptions options) {
        SyncFlowModule[] built = new SyncFlowModule[1];
        this.link = linkFactory.apply((programId, mode) -> built[0].reconciler().reconcile(programId, mode));
        this.flow = new SyncFlowModule(services, link.settings(), () -> link.connections().client(), link.links(),
                options);
        built[0] = flow;
    }

    @Override
    public String name() {
        return "campaign-sync";
    }

    @Override
    public void routes(Javalin app) {
        link.routes(app);
        flow.routes(app);
    }

    @Override
    public void start() {
        link.start();
        flow.start();
    }

    @Override
    public void stop() {
        flow.stop();
        link.stop();
    }

    /** The LINK half. */
    public SyncLinkModule link() {
        return link;
    }

    /** The FLOW half. */
    public SyncFlowModule flow() {
        return flow;
    }
}
