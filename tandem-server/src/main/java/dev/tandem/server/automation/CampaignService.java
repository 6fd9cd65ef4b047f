package dev.tandem.server.automation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.core.activity.Activity;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.core.automation.Recurrence;
import dev.tandem.server.automation.batch.BatchRun;
import dev.tandem.server.automation.batch.BatchRunStore;
import dev.tandem.server.automation.document.FlowReader;
import dev.tandem.server.automation.flow.FlowRunStore;
import dev.tandem.server.automation.flow.StepLogEntry;
import dev.tandem.server.automation.document.RulesReader;
import dev.tandem.server.automation.model.CampaignType;
import dev.tandem.server.automation.model.FlowStep;
import dev.tandem.server.automation.model.SfdcCampaignReferences;
import dev.tandem.server.automation.model.SmartCampaign;
import dev.tandem.server.automation.model.SmartList;
import dev.tandem.server.automation.model.Trigger;
import dev.tandem.server.automation.queue.TriggerQueue;
import dev.tandem.server.automation.store.CampaignStore;
import dev.tandem.server.automation.validation.CampaignValidator;
import dev.tandem.server.domain.Batches;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.domain.PageTokens;
import dev.tandem.server.domain.Timestamps;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.domain.programs.ProgramChange;
import dev.tandem.server.store.Page;
import dev.tandem.server.store.PageToken;
import dev.tandem.server.store.PersonDao;
import dev.tandem.server.store.ProgramDao;
import dev.tandem.server.sync.watch.WatchedCampaignStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Smart campaigns as users manage them: create, rename, save rules and flow (validated; refused whole, never
 * half-saved), activate and deactivate trigger campaigns, schedule batch campaigns, request a campaign for people,
 * delete. Every write is one transaction with the campaign row locked.
 */
public final class CampaignService {

    /** Most people one request may name (Marketo's limit). */
    public static final int MAX_REQUESTED_LEADS = 100;
    /** Most tokens one request or schedule may carry. */
    public static final int MAX_TOKENS = 100;
    /** Scheduled runs start at least this long after the request, as Marketo's do. */
    public static final Duration SCHEDULE_DELAY = Duration.ofMinutes(5);
    /** Largest page of the step log. */
    public static final int MAX_LOG_PAGE = 300;
    /** Furthest a run can be scheduled (Marketo: 2 years, code 1042). */
    public static final Duration SCHEDULE_HORIZON = Duration.ofDays(730);

    private final Jdbi jdbi;
    private final Clock clock;
    private final ZoneId zone;
    private final ActivityLog activityLog;
    private final TriggerQueue queue;
    private final CampaignStore campaigns = new CampaignStore();
    private final BatchRunStore batches = new BatchRunStore();
    private final FlowRunStore runs = new FlowRunStore();
    private final CampaignValidator validator = new CampaignValidator();
    private final WatchedCampaignStore references = new WatchedCampaignStore();
    private final ProgramDao programs = new ProgramDao();
    private final PersonDao people = new PersonDao();

    public CampaignService(Jdbi jdbi, Clock clock, ActivityLog activityLog, TriggerQueue queue) {
        this(jdbi, clock, ZoneOffset.UTC, activityLog, queue);
    }

    /** The service in a subscription time zone (recurrences). */
    public CampaignService(Jdbi jdbi, Clock clock, ZoneId zone, ActivityLog activityLog, TriggerQueue queue) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.zone = zone;
        this.activityLog = activityLog;
        this.queue = queue;
    }

    /**
     * Records which Salesforce campaigns each smart campaign saved before watched campaigns existed names (once;
     * later saves keep them current). Each campaign is locked while it is indexed, so a concurrent save or another
     * node's start cannot interleave. Returns how many were indexed.
     */
    public int indexSalesforceReferences() {
        List<Long> pending = jdbi.withHandle(references::unindexedSmartCampaigns);
        int indexed = 0;
        for (long id : pending) {
            indexed += jdbi.inTransaction(h -> campaigns.lock(h, id).filter(c -> !references.isIndexed(h, id))
                    .map(c -> {
                        references.replaceReferences(h, id, SfdcCampaignReferences.of(c.smartList(), c.flow()),
                                Timestamps.now(clock));
                        return 1;
                    }).orElse(0));
        }
        return indexed;
    }

    /** Creates an empty, inactive campaign in a program (or in none). */
    public SmartCampaign create(String name, String description, Long programId) {
        String validName = name(name);
        String validDescription = description(description);
        return jdbi.inTransaction(h -> {
            if (programId != null && programs.byId(h, programId).isEmpty()) {
                throw DomainException.notFound("folder: no program with id " + programId);
            }
            long id = campaigns.insert(h, validName, validDescription, programId, Timestamps.now(clock));
            return campaigns.get(h, id).orElseThrow();
        });
    }

    /** The campaign with this id. */
    public Optional<SmartCampaign> get(long id) {
        return jdbi.withHandle(h -> campaigns.get(h, id));
    }

    /** The campaigns named exactly {@code name}, in id order. */
    public List<SmartCampaign> byName(String name) {
        return jdbi.withHandle(h -> campaigns.byName(h, name));
    }

    /** Campaigns in id order, optionally only active or inactive ones. */
    public List<SmartCampaign> browse(Boolean active, int maxReturn, int offset) {
        return jdbi.withHandle(h -> campaigns.list(h, active, maxReturn, offset));
    }

    /** Changes name and/or description (null keeps the current value). */
    public SmartCampaign update(long id, String name, String description) {
        String newName = name == null ? null : name(name);
        String newDescription = description == null ? null : description(description);
        return jdbi.inTransaction(h -> {
            SmartCampaign current = locked(h, id);
            campaigns.updateInfo(h, id, newName != null ? newName : current.name(),
                    newDescription != null ? newDescription : current.description(), Timestamps.now(clock));
            return campaigns.get(h, id).orElseThrow();
        });
    }

    /**
     * Replaces the rules (smart list and qualification rule) with a validated document.
     *
     * @throws dev.tandem.server.automation.validation.InvalidCampaignException listing every problem
     */
    public SmartCampaign saveRules(long id, JsonNode document) {
        RulesReader.Rules rules = RulesReader.read(document);
        return jdbi.inTransaction(h -> {
            SmartCampaign current = locked(h, id);
            validator.validateRules(h, rules.smartList());
            if (current.active()) {
                // The rules decide whether requests can bring tokens to the flow of a running campaign.
                validator.validateFlow(h, current.programId(), current.flow(), takesRequestTokens(rules.smartList()));
            }
            if (current.active() && CampaignType.of(rules.smartList()) != CampaignType.TRIGGER) {
                throw DomainException.conflict("triggers: an active trigger campaign needs at least one trigger; "
                        + "deactivate the campaign first");
            }
            campaigns.saveRules(h, id, rules.smartList(), rules.qualification(), Timestamps.now(clock));
            references.replaceReferences(h, id, SfdcCampaignReferences.of(rules.smartList(), current.flow()),
                    Timestamps.now(clock));
            return campaigns.get(h, id).orElseThrow();
        });
    }

    /**
     * Replaces the flow with a validated document.
     *
     * @throws dev.tandem.server.automation.validation.InvalidCampaignException listing every problem
     */
    public SmartCampaign saveFlow(long id, JsonNode document) {
        List<FlowStep> steps = FlowReader.read(document);
        return jdbi.inTransaction(h -> {
            SmartCampaign current = locked(h, id);
            validator.validateFlow(h, current.programId(), steps, takesRequestTokens(current.smartList()));
            if (current.active() && steps.isEmpty()) {
                throw DomainException.conflict("steps: an active campaign needs at least one flow step; "
                        + "deactivate the campaign first");
            }
            campaigns.saveFlow(h, id, steps, Timestamps.now(clock));
            references.replaceReferences(h, id, SfdcCampaignReferences.of(current.smartList(), steps),
                    Timestamps.now(clock));
            return campaigns.get(h, id).orElseThrow();
        });
    }

    /** Activates a trigger campaign: it must be inactive, have a trigger and a flow step, and still be valid. */
    public SmartCampaign activate(long id) {
        return jdbi.inTransaction(h -> {
            SmartCampaign c = locked(h, id);
            if (c.active()) {
                throw DomainException.conflict("isActive: smart campaign " + id + " is already active");
            }
            if (c.type() != CampaignType.TRIGGER) {
                throw DomainException.conflict("triggers: only trigger campaigns are activated; smart campaign " + id
                        + " has no trigger (schedule a batch campaign instead)");
            }
            if (c.flow().isEmpty()) {
                throw DomainException.conflict("steps: smart campaign " + id + " has no flow step");
            }
            // Programs and channels may have changed since the documents were saved.
            validator.validateRules(h, c.smartList());
            validator.validateFlow(h, c.programId(), c.flow(), takesRequestTokens(c.smartList()));
            campaigns.setActive(h, id, true, Timestamps.now(clock));
            return campaigns.get(h, id).orElseThrow();
        });
    }

    /**
     * Told of program writes inside their transaction: deleting a program deletes its campaigns by cascade, which
     * every node's caches of active campaigns must notice as they notice any campaign write.
     */
    public void programChanged(Handle tx, ProgramChange change) {
        if (change.isDeletion()) {
            campaigns.touch(tx);
        }
    }

    /** Deactivates an active trigger campaign; people already in its flow finish it. */
    public SmartCampaign deactivate(long id) {
        return jdbi.inTransaction(h -> {
            SmartCampaign c = locked(h, id);
            if (!c.active()) {
                throw DomainException.conflict("isActive: smart campaign " + id + " is not active");
            }
            campaigns.setActive(h, id, false, Timestamps.now(clock));
            return campaigns.get(h, id).orElseThrow();
        });
    }

    /** Deletes a campaign; an active one must be deactivated first. */
    public void delete(long id) {
        jdbi.useTransaction(h -> {
            SmartCampaign c = locked(h, id);
            if (c.active()) {
                throw DomainException.conflict("isActive: deactivate smart campaign " + id + " before deleting it");
            }
            references.replaceReferences(h, id, Map.of(), Timestamps.now(clock));
            campaigns.delete(h, id);
        });
    }

    /**
     * Schedules a batch campaign (Marketo's schedule.json): at {@code runAt}, or 5 minutes from now when null or
     * sooner, at most 2 years ahead. Replaces any earlier scheduled run. Returns the run.
     */
    public BatchRun schedule(long id, Instant runAt, String tokensJson) {
        Instant now = Timestamps.now(clock);
        Instant earliest = now.plus(SCHEDULE_DELAY);
        Instant at = runAt == null || runAt.isBefore(earliest) ? earliest : runAt;
        if (at.isAfter(now.plus(SCHEDULE_HORIZON))) {
            throw new AutomationException("1042", "runAt: " + runAt + " is more than 2 years ahead");
        }
        return scheduleAt(id, at, tokensJson, null);
    }

    /** Runs a batch campaign now (its next worker pass). */
    public BatchRun runNow(long id, String tokensJson) {
        return scheduleAt(id, Timestamps.now(clock), tokensJson, null);
    }

    /**
     * Makes a batch campaign recurring: its first run is the recurrence's first occurrence (at or after
     * {@code startAt}, in the subscription time zone); replaces scheduled runs.
     */
    public BatchRun recur(long id, Recurrence recurrence) {
        Instant first = recurrence.first(zone);
        if (first == null) {
            throw DomainException.invalid("endAt: the recurrence ends before its first run");
        }
        return scheduleAt(id, first, null, recurrence);
    }

    /** The latest runs of a batch campaign. */
    public List<BatchRun> runs(long id) {
        return jdbi.withHandle(h -> {
            if (campaigns.get(h, id).isEmpty()) {
                throw notFound(id);
            }
            return batches.ofCampaign(h, id, 50);
        });
    }

    /**
     * A page of what the campaign's flow steps did (oldest first), optionally for one person: the outcome of each
     * step for each person, with the reason when a step was skipped or failed.
     */
    public Page<StepLogEntry> log(long id, Long personId, int batchSize, String pageToken) {
        Batches.requirePageSize("batchSize", batchSize, MAX_LOG_PAGE);
        String kind = "automation-log-" + id + "-" + (personId == null ? "all" : personId);
        long after = pageToken == null || pageToken.isBlank() ? 0 : PageTokens.position(kind, 1, pageToken)[0];
        return jdbi.withHandle(h -> {
            if (campaigns.get(h, id).isEmpty()) {
                throw notFound(id);
            }
            return Page.of(runs.log(h, id, personId, after, batchSize + 1), batchSize,
                    e -> PageToken.encode(kind, e.id()));
        });
    }

    /**
     * Requests an active trigger campaign with a "Campaign is Requested" trigger for up to 100 people (Marketo's
     * trigger.json): writes activity 47 for each, which the trigger queue picks up with the tokens.
     */
    public void request(long id, List<Long> personIds, String tokensJson) {
        if (personIds == null || personIds.isEmpty()) {
            throw DomainException.blank("input.leads");
        }
        if (personIds.size() > MAX_REQUESTED_LEADS) {
            throw DomainException.invalid("input.leads: at most " + MAX_REQUESTED_LEADS + " leads a call, got "
                    + personIds.size());
        }
        jdbi.useTransaction(h -> {
            SmartCampaign c = campaigns.get(h, id).orElseThrow(() -> notFound(id));
            if (c.type() == CampaignType.BATCH) {
                throw DomainException.invalid("id: smart campaign " + id + " is a batch campaign; use schedule.json");
            }
            if (!c.active()) {
                throw DomainException.invalid("id: smart campaign " + id + " is not active");
            }
            if (!c.isRequestable()) {
                throw DomainException.invalid("id: smart campaign " + id
                        + " has no 'Campaign is Requested' trigger with source Web Service API");
            }
            Set<Long> distinct = new LinkedHashSet<>(personIds);
            Set<Long> found = new HashSet<>();
            people.find(h, PersonDao.Key.ID, distinct, 0, distinct.size()).forEach(p -> found.add(p.id()));
            List<Long> missing = distinct.stream().filter(p -> !found.contains(p)).toList();
            if (!missing.isEmpty()) {
                throw new AutomationException("1004", "input.leads: no lead with id " + missing);
            }
            Instant now = Timestamps.now(clock);
            for (long person : distinct) {
                Map<String, Object> attributes = new LinkedHashMap<>();
                attributes.put("Source", "Web Service API");
                Activity stored = activityLog.append(h, Activity.of(person, now, ActivityType.REQUEST_CAMPAIGN, id, id,
                        c.name(), attributes));
                if (tokensJson != null) {
                    queue.attachTokens(h, stored.id(), tokensJson);
                }
            }
        });
    }

    private BatchRun scheduleAt(long id, Instant at, String tokensJson, Recurrence recurrence) {
        return jdbi.inTransaction(h -> {
            SmartCampaign c = locked(h, id);
            if (c.type() == CampaignType.TRIGGER) {
                throw DomainException.invalid("id: smart campaign " + id
                        + " is a trigger campaign; activate it instead of scheduling it");
            }
            if (c.type() == CampaignType.DEFAULT) {
                throw DomainException.invalid("filters: smart campaign " + id + " has no smart list rules");
            }
            if (c.flow().isEmpty()) {
                throw DomainException.invalid("steps: smart campaign " + id + " has no flow step");
            }
            validator.validateRules(h, c.smartList());
            validator.validateFlow(h, c.programId(), c.flow(), true);
            Instant now = Timestamps.now(clock);
            batches.cancelScheduled(h, id, now);
            campaigns.setRecurrence(h, id, recurrence, now);
            long runId = batches.schedule(h, id, at, tokensJson, now);
            return batches.ofCampaign(h, id, 1).stream().filter(r -> r.id() == runId).findFirst().orElseThrow();
        });
    }

    // Batch campaigns take tokens from schedule.json; trigger campaigns only through "Campaign is Requested".
    private static boolean takesRequestTokens(SmartList list) {
        return CampaignType.of(list) != CampaignType.TRIGGER
                || list.triggers().stream().anyMatch(t -> t instanceof Trigger.CampaignRequested);
    }

    private SmartCampaign locked(Handle h, long id) {
        return campaigns.lock(h, id).orElseThrow(() -> notFound(id));
    }

    private static DomainException notFound(long id) {
        return DomainException.notFound("id: no smart campaign with id " + id);
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw DomainException.blank("name");
        }
        String trimmed = name.trim();
        if (trimmed.length() > SmartCampaign.MAX_NAME) {
            throw DomainException.invalid("name: must be at most " + SmartCampaign.MAX_NAME + " characters");
        }
        return trimmed;
    }

    private static String description(String description) {
        if (description != null && description.length() > SmartCampaign.MAX_DESCRIPTION) {
            throw DomainException.invalid("description: must be at most " + SmartCampaign.MAX_DESCRIPTION
                    + " characters");
        }
        return description;
    }
}
