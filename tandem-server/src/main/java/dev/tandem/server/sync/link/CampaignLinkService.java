package dev.tandem.server.sync.link;

import dev.tandem.core.channel.Channel;
import dev.tandem.core.program.Program;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.domain.programs.ProgramService;
import dev.tandem.server.sync.campaign.CampaignGateway;
import dev.tandem.server.sync.campaign.CampaignStatus;
import dev.tandem.server.sync.campaign.CampaignStatusPlan;
import dev.tandem.server.sync.campaign.Compatibility;
import dev.tandem.server.sync.campaign.SalesforceCampaign;
import dev.tandem.server.sync.campaign.StatusCompatibility;
import dev.tandem.server.sync.reconcile.CampaignReconciler;
import dev.tandem.server.sync.reconcile.ReconcileMode;
import dev.tandem.server.sync.settings.FieldError;
import dev.tandem.server.sync.settings.InvalidInputException;
import dev.tandem.server.sync.settings.SyncSettingsService;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Links programs to Salesforce campaigns one-to-one, checks and matches statuses, and unlinks.
 *
 * <p>Transaction boundaries: every Salesforce call happens before the one database transaction that records the
 * link (campaign_links row and the program's sfdcId/sfdcName together), so a refused or failed link stores nothing.
 * If that transaction loses a race with another link of the same program or campaign, the unique keys refuse it.
 */
public final class CampaignLinkService {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignLinkService.class);
    /**
     * How long a node's claim on an initial reconcile lasts without renewal ({@link #renewRunningReconciles}): when
     * it ends, the node is taken for dead and another node resumes the reconcile.
     */
    static final Duration RECONCILE_LEASE = Duration.ofMinutes(2);

    private final Jdbi jdbi;
    private final ProgramService programs;
    private final CampaignLinkStore links;
    private final SyncSettingsService settings;
    private final Supplier<Optional<CampaignGateway>> gateways;
    private final Optional<CampaignReconciler> reconciler;
    private final Executor background;
    private final Clock clock;
    private final String nodeId;
    private final Set<Long> scheduled = ConcurrentHashMap.newKeySet();
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    /**
     * @param gateways         the Salesforce campaign gateway of the stored connection, empty when none is configured
     * @param reconciler       runs the INITIAL reconcile on {@code background} after each new link; when absent,
     *                         the link stays PENDING for the periodic reconcile
     */
    public CampaignLinkService(Jdbi jdbi, ProgramService programs, CampaignLinkStore links,
                               SyncSettingsService settings, Supplier<Optional<CampaignGateway>> gateways,
                               Optional<CampaignReconciler> reconciler, Executor background, Clock clock) {
        this(jdbi, programs, links, settings, gateways, reconciler, background, clock,
                "node-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * As the other constructor, on node {@code nodeId}: the owner recorded on the initial reconciles it runs, so
     * that the node started again under that name resumes them at once ({@link #resumeAfterRestart}).
     */
    public CampaignLinkService(Jdbi jdbi, ProgramService programs, CampaignLinkStore links,
                               SyncSettingsService settings, Supplier<Optional<CampaignGateway>> gateways,
                               Optional<CampaignReconciler> reconciler, Executor background, Clock clock,
                               String nodeId) {
        this.nodeId = nodeId;
        this.jdbi = jdbi;
        this.programs = programs;
        this.links = links;
        this.settings = settings;
        this.gateways = gateways;
        this.reconciler = reconciler;
        this.background = background;
        this.clock = clock;
    }

    /** The program's link, if any. */
    public Optional<CampaignLink> linkOf(long programId) {
        program(programId);
        return jdbi.withHandle(h -> links.byProgram(h, programId));
    }

    /** Every link, by program id. */
    public List<CampaignLink> links() {
        return jdbi.withHandle(links::all);
    }

    /**
     * Links the program to an existing campaign (after the compatibility check) or to a new one, gives the campaign
     * the channel's statuses, Type and ActualCost, records the link and starts the initial reconcile.
     *
     * @throws DomainException 1013 for an unknown program or campaign, 709 when a prerequisite is missing, either
     *                         side is already linked, or the campaign's statuses are incompatible
     */
    public CampaignLink link(long programId, LinkRequest request) {
        Program program = program(programId);
        requireSyncEnabled();
        if (program.isLinked()) {
            throw DomainException.conflict("program '" + program.name() + "' (" + programId + ") is already linked to"
                    + " Salesforce campaign '" + program.sfdcCampaignName() + "' (" + program.sfdcCampaignId()
                    + "); unlink it first with POST /rest/tandem/v1/programs/" + programId
                    + "/salesforceCampaign/delete.json");
        }
        Channel channel = channel(programId);
        CampaignGateway gateway = gateway();
        long cost = program.costs().total();
        Target target = request.createsCampaign()
                ? createCampaign(gateway, channel, request.newCampaignName(), cost)
                : prepareExisting(gateway, program, channel, request.campaignId(), cost);
        CampaignLink link = record(programId, target.id(), target.name(), cost);
        LOG.info("Program {} linked to Salesforce campaign {} ({})", programId, target.id(),
                request.createsCampaign() ? "created" : "existing");
        reconciler.ifPresent(r -> schedule(r, programId));
        return link;
    }

    /** The campaign a link goes to, by Salesforce's (18-character) id. */
    private record Target(String id, String name) {
    }

    /** Creates the campaign with the channel's statuses (Salesforce's own defaults removed), Type and ActualCost. */
    private static Target createCampaign(CampaignGateway gateway, Channel channel, String name, long cost) {
        String id = gateway.create(name, channel.name(), cost);
        SalesforceCampaign created = gateway.campaign(id).orElseThrow(() -> new IllegalStateException(
                "Salesforce does not return campaign " + id + " right after creating it"));
        gateway.apply(id, CampaignStatusPlan.forNewCampaign(channel, created.statuses()));
        return new Target(id, name);
    }

    /**
     * Checks an existing campaign (free, compatible), then gives it the channel's missing statuses, Type and
     * ActualCost.
     */
    private Target prepareExisting(CampaignGateway gateway, Program program, Channel channel, String requestedId,
                                   long cost) {
        SalesforceCampaign campaign = campaign(gateway, requestedId);
        // Salesforce's own (18-character) id, so that a 15-character spelling cannot link a campaign twice.
        String id = campaign.id();
        requireCampaignFree(id, program.id());
        Compatibility compatibility = compatibility(gateway, channel, campaign);
        if (!compatibility.compatible()) {
            throw DomainException.conflict(StatusCompatibility.refusal(program.name(), campaign.name(), id,
                    channel.name(), compatibility.offending()));
        }
        gateway.apply(id, CampaignStatusPlan.forExistingCampaign(channel, campaign.statuses()));
        Map<String, CampaignGateway.FieldsFailure> failed = gateway.updateFields(
                List.of(new CampaignGateway.CampaignFields(id, channel.name(), cost)));
        if (!failed.isEmpty()) {
            throw DomainException.conflict("Salesforce refused to set Type and ActualCost on campaign '"
                    + campaign.name() + "' (" + id + "): " + failed.get(id).message());
        }
        return new Target(id, campaign.name());
    }

    /**
     * How the campaign's statuses compare with the program's channel: the statuses in use that block a link (with
     * member counts) and the channel statuses a link would create.
     */
    public Compatibility compatibility(long programId, String campaignId) {
        program(programId);
        Channel channel = channel(programId);
        CampaignGateway gateway = gateway();
        return compatibility(gateway, channel, campaign(gateway, campaignId));
    }

    /**
     * Prepares a campaign for linking: creates the channel statuses it lacks, moves the members of each mapped
     * status to the channel status it maps to, and deletes the mapped statuses. Links nothing.
     *
     * @param requestedCampaignId the campaign, in its 15- or 18-character form
     * @param map                 offending status → channel status; may be empty (then only missing statuses are
     *                            created)
     */
    public MatchResult matchStatuses(long programId, String requestedCampaignId, Map<String, String> map) {
        Program program = program(programId);
        requireSyncEnabled();
        Channel channel = channel(programId);
        CampaignGateway gateway = gateway();
        SalesforceCampaign campaign = campaign(gateway, requestedCampaignId);
        String campaignId = campaign.id();
        if (program.isLinked() && !program.sfdcCampaignId().equals(campaignId)) {
            throw DomainException.conflict("program '" + program.name() + "' (" + programId + ") is linked to"
                    + " another campaign (" + program.sfdcCampaignId() + "); unlink it first");
        }
        requireCampaignFree(campaignId, programId);
        validateMap(channel, campaign, map);

        CampaignStatusPlan creations = CampaignStatusPlan.forExistingCampaign(channel, campaign.statuses());
        gateway.apply(campaignId, creations);
        long moved = map.isEmpty() ? 0 : gateway.moveMembers(campaignId, map);
        List<CampaignStatus> toDelete = campaign.statuses().stream().filter(s -> map.containsKey(s.label())).toList();
        List<String> kept = toDelete.isEmpty() ? List.of()
                : gateway.apply(campaignId, new CampaignStatusPlan(List.of(), List.of(), toDelete));
        Compatibility after = compatibility(gateway, channel, campaign(gateway, campaignId));
        List<String> deleted = toDelete.stream().map(CampaignStatus::label).filter(l -> !kept.contains(l)).toList();
        LOG.info("Matched statuses of campaign {} to program {}: created {}, moved {} members, deleted {}",
                campaignId, programId, creations.creates().size(), moved, deleted);
        return new MatchResult(campaignId, creations.creates().stream().map(CampaignStatusPlan.Create::label).toList(),
                moved, deleted, kept, after);
    }

    /**
     * Unlinks the program: the sync stops for it, and nothing is deleted on either side (members stay members,
     * the campaign and its members stay in Salesforce).
     *
     * @return the link that was removed
     */
    public CampaignLink unlink(long programId) {
        Program program = program(programId);
        CampaignLink removed = jdbi.inTransaction(tx -> {
            Optional<CampaignLink> link = links.byProgram(tx, programId);
            if (link.isEmpty()) {
                throw DomainException.conflict("program '" + program.name() + "' (" + programId
                        + ") is not linked to a Salesforce campaign");
            }
            links.delete(tx, programId);
            programs.unlinkSalesforceCampaign(tx, programId);
            return link.get();
        });
        LOG.info("Program {} unlinked from Salesforce campaign {}", programId, removed.campaignId());
        return removed;
    }

    private CampaignLink record(long programId, String campaignId, String campaignName, long pushedCost) {
        try {
            return jdbi.inTransaction(tx -> {
                boolean paused = !settings.current(tx).campaignSyncEnabled();
                CampaignLink link = new CampaignLink(programId, campaignId, campaignName, clock.instant(), paused,
                        ReconcileState.PENDING, null);
                links.insert(tx, link);
                Program after = programs.linkSalesforceCampaign(tx, programId, campaignId, campaignName);
                // A cost change between the Salesforce write and now stays pending for the fields pusher.
                if (after.costs().total() == pushedCost) {
                    links.markFieldsPushed(tx, programId, 1);
                }
                return link;
            });
        } catch (UnableToExecuteStatementException raced) {
            throw DomainException.conflict("program " + programId + " or campaign " + campaignId
                    + " was linked by another request at the same time; reload and try again");
        }
    }

    /**
     * Starts, in the background, the initial reconcile of every unpaused link still waiting for it while campaign
     * sync is on: those linked while campaign sync was off, whose reconcile was skipped because sync was switched
     * off in between, or whose reconcile was interrupted (its node died: its lease ended, see
     * {@link #resumeAfterRestart}). Cheap when there is none (one query), so it runs on a steady tick.
     *
     * @return how many were started
     */
    public int resumePendingReconciles() {
        if (reconciler.isEmpty() || !settings.campaignSyncEnabled()) {
            return 0;
        }
        List<Long> waiting = jdbi.withHandle(h -> links.resumableInitialReconciles(h, clock.instant()));
        return (int) waiting.stream().filter(programId -> schedule(reconciler.get(), programId)).count();
    }

    /**
     * Ends the claims on initial reconciles that this node's previous process held when it died, so that they are
     * resumed at once rather than when their lease ends. Call once at start, before {@link #resumePendingReconciles}.
     */
    public int resumeAfterRestart() {
        int released = jdbi.withHandle(h -> links.releaseInitialReconcilesOf(h, nodeId));
        if (released > 0) {
            LOG.info("Node {} resumes {} initial reconciles its previous run left unfinished", nodeId, released);
        }
        return released;
    }

    /** Renews this node's lease on the initial reconciles it is running, so no other node takes them over. */
    public void renewRunningReconciles() {
        if (!running.isEmpty()) {
            jdbi.useHandle(h -> links.renewInitialReconciles(h, List.copyOf(running), nodeId,
                    clock.instant().plus(RECONCILE_LEASE)));
        }
    }

    /** Queues the reconcile unless it is queued or running here already; true when queued now. */
    private boolean schedule(CampaignReconciler reconciler, long programId) {
        if (!scheduled.add(programId)) {
            return false;
        }
        background.execute(() -> {
            try {
                reconcile(reconciler, programId);
            } finally {
                scheduled.remove(programId);
            }
        });
        return true;
    }

    private void reconcile(CampaignReconciler reconciler, long programId) {
        // Claims the link: only a PENDING (or abandoned RUNNING), unpaused link moves to RUNNING under this node, so a
        // paused link waits for the sync to be switched on again and two triggers never run the same reconcile twice.
        Instant now = clock.instant();
        boolean claimed = jdbi.withHandle(h -> links.claimInitialReconcile(h, programId, nodeId, now,
                now.plus(RECONCILE_LEASE)));
        if (!claimed) {
            return;
        }
        running.add(programId);
        ReconcileState outcome;
        try {
            reconciler.reconcile(programId, ReconcileMode.INITIAL);
            outcome = ReconcileState.DONE;
        } catch (RuntimeException e) {
            LOG.warn("Initial reconcile of program {} failed; the periodic reconcile will repair it", programId, e);
            outcome = ReconcileState.FAILED;
        } finally {
            running.remove(programId);
        }
        ReconcileState state = outcome;
        jdbi.useHandle(h -> links.setInitialReconcileState(h, programId, state, clock.instant()));
    }

    private Compatibility compatibility(CampaignGateway gateway, Channel channel, SalesforceCampaign campaign) {
        Set<String> channelStatuses = channel.memberStatuses().stream().map(s -> s.name()).collect(Collectors.toSet());
        List<String> foreign = campaign.labels().stream().filter(l -> !channelStatuses.contains(l)).toList();
        Map<String, Long> inUse = foreign.isEmpty() ? Map.of() : gateway.membersHolding(campaign.id(), foreign);
        return StatusCompatibility.check(channel, inUse, campaign.labels());
    }

    private void validateMap(Channel channel, SalesforceCampaign campaign, Map<String, String> map) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> defined = Set.copyOf(campaign.labels());
        map.forEach((from, to) -> {
            String field = "map." + from;
            if (channel.status(from).filter(s -> !s.isNotInProgram()).isPresent()) {
                errors.add(FieldError.invalid(field, "is already a status of channel '"
                        + channel.name() + "'; only statuses the channel lacks can be mapped"));
            } else if (!defined.contains(from)) {
                errors.add(FieldError.invalid(field, "campaign '" + campaign.name()
                        + "' has no member status '" + from + "' (it has " + campaign.labels() + ")"));
            }
            if (channel.status(to).filter(s -> !s.isNotInProgram()).isEmpty()) {
                errors.add(FieldError.invalid(field, "maps to '" + to
                        + "', which is not a status of channel '" + channel.name() + "'"));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void requireSyncEnabled() {
        if (!settings.campaignSyncEnabled()) {
            throw DomainException.conflict("campaign sync is off: turn it on with POST"
                    + " /rest/tandem/v1/settings/sync.json {\"campaignSyncEnabled\":true}");
        }
    }

    private void requireCampaignFree(String campaignId, long programId) {
        Optional<CampaignLink> holder = jdbi.withHandle(h -> links.byCampaign(h, campaignId));
        if (holder.isPresent() && holder.get().programId() != programId) {
            Program other = programs.get(holder.get().programId()).orElseThrow();
            throw DomainException.conflict("Salesforce campaign '" + holder.get().campaignName() + "' ("
                    + campaignId + ") is already linked to program '" + other.name() + "' (" + other.id()
                    + "); a campaign links to one program only");
        }
    }

    private Program program(long programId) {
        return programs.get(programId).orElseThrow(() ->
                DomainException.notFound("programId: no program with id " + programId));
    }

    private Channel channel(long programId) {
        return jdbi.withHandle(h -> programs.channelOf(h, programId)).channel();
    }

    private CampaignGateway gateway() {
        return gateways.get().orElseThrow(() -> DomainException.conflict("no Salesforce connection is configured:"
                + " set one with POST /rest/tandem/v1/settings/salesforce.json"));
    }

    private static SalesforceCampaign campaign(CampaignGateway gateway, String campaignId) {
        return gateway.campaign(campaignId).orElseThrow(() ->
                DomainException.notFound("campaignId: Salesforce has no campaign with id " + campaignId));
    }

    /** What "match statuses" did, and how the campaign compares with the channel afterwards. */
    public record MatchResult(String campaignId, List<String> createdStatuses, long movedMembers,
                              List<String> deletedStatuses, List<String> statusesNotDeleted,
                              Compatibility compatibility) {
    }
}
