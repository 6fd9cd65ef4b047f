package dev.tandem.server.sync.campaign;

import dev.tandem.core.program.Program;
import dev.tandem.server.domain.programs.ProgramChange;
import dev.tandem.server.domain.programs.ProgramChangeListener;
import dev.tandem.server.domain.programs.ProgramService;
import dev.tandem.server.sync.link.CampaignLinkStore;
import dev.tandem.server.sync.settings.SyncSettingsService;
import dev.tandem.server.sync.cycle.LeaseStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps Campaign.Type (the channel's name) and Campaign.ActualCost (the sum of period costs) in step, one way.
 * A program change only bumps a counter on its link, in the program's own transaction; {@link #pushPending()}
 * later sends one update per changed campaign (all in collections of 200), so repeated changes coalesce and a
 * change made while a push is in flight is pushed again rather than lost. A transient failure is retried on the
 * next round; a refusal (e.g. the campaign was deleted in Salesforce) is recorded on the link and not retried
 * until the program changes again.
 */
public final class CampaignFieldsPusher implements ProgramChangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignFieldsPusher.class);
    /** Cluster-wide lease name: two nodes pushing the same values would only waste API calls. */
    static final String LEASE = "campaign-fields-push";
    private static final Duration LEASE_TIME = Duration.ofMinutes(2);

    private final Jdbi jdbi;
    private final CampaignLinkStore links;
    private final ProgramService programs;
    private final SyncSettingsService settings;
    private final Supplier<Optional<CampaignGateway>> gateways;
    private final LeaseStore leases;
    private final String holder;
    private final Clock clock;

    /**
     * A pusher over the links in {@code jdbi}'s database, writing through the gateway of the stored connection;
     * {@code leases} lets one node of a cluster push at a time, {@code holder} names this node.
     */
    public CampaignFieldsPusher(Jdbi jdbi, CampaignLinkStore links, ProgramService programs,
                                SyncSettingsService settings, Supplier<Optional<CampaignGateway>> gateways,
                                LeaseStore leases, String holder, Clock clock) {
        this.jdbi = jdbi;
        this.links = links;
        this.programs = programs;
        this.settings = settings;
        this.gateways = gateways;
        this.leases = leases;
        this.holder = holder;
        this.clock = clock;
    }

    @Override
    public void onChange(Handle tx, ProgramChange change) {
        // Channels are fixed at creation, so only the cost total can change what the campaign shows.
        if (!change.isDeletion() && !change.isCreation() && change.costTotalChanged()) {
            links.markFieldsChanged(tx, change.programId());
        }
    }

    /**
     * Pushes every pending Type/ActualCost while campaign sync is on.
     *
     * @return how many campaigns were updated
     */
    public int pushPending() {
        if (!settings.campaignSyncEnabled()) {
            return 0;
        }
        List<CampaignLinkStore.PendingFields> pending = jdbi.withHandle(links::pendingFields);
        if (pending.isEmpty()) {
            return 0;
        }
        Optional<CampaignGateway> gateway = gateways.get();
        if (gateway.isEmpty() || !leases.tryAcquire(LEASE, holder, clock.instant(), LEASE_TIME)) {
            return 0;
        }
        try {
            return push(gateway.get(), pending);
        } finally {
            leases.release(LEASE, holder);
        }
    }

    private int push(CampaignGateway gateway, List<CampaignLinkStore.PendingFields> pending) {
        List<CampaignGateway.CampaignFields> fields = new ArrayList<>();
        List<CampaignLinkStore.PendingFields> sent = new ArrayList<>();
        for (CampaignLinkStore.PendingFields p : pending) {
            Optional<Program> program = programs.get(p.programId());
            if (program.isPresent()) {
                fields.add(new CampaignGateway.CampaignFields(p.campaignId(), program.get().channelName(),
                        program.get().costs().total()));
                sent.add(p);
            }
        }
        Map<String, CampaignGateway.FieldsFailure> failures = gateway.updateFields(fields);
        jdbi.useTransaction(tx -> {
            for (CampaignLinkStore.PendingFields p : sent) {
                CampaignGateway.FieldsFailure failure = failures.get(p.campaignId());
                if (failure == null) {
                    links.markFieldsPushed(tx, p.programId(), p.version());
                } else if (failure.transientFailure()) {
                    links.markFieldsPushFailed(tx, p.programId(), failure.message());
                } else {
                    // Sending the same values again would fail the same way and spend an API call each round.
                    links.markFieldsRefused(tx, p.programId(), p.version(), failure.message());
                    LOG.warn("Salesforce refused Type/ActualCost of campaign {} (program {}): {}", p.campaignId(),
                            p.programId(), failure.message());
                }
            }
        });
        return sent.size() - failures.size();
    }
}
