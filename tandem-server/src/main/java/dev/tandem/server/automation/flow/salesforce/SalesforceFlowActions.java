package dev.tandem.server.automation.flow.salesforce;

import dev.tandem.core.person.Person;
import dev.tandem.core.person.SfdcType;
import dev.tandem.core.program.Program;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.error.ErrorKind;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.salesforce.write.RecordError;
import dev.tandem.salesforce.write.SaveResult;
import dev.tandem.server.automation.flow.SalesforceSteps;
import dev.tandem.server.automation.flow.StepOutcome;
import dev.tandem.server.automation.model.FlowAction;
import dev.tandem.server.automation.model.SfdcCampaignIds;
import dev.tandem.server.automation.model.SmartCampaign;
import dev.tandem.server.automation.queue.TriggerQueue;
import dev.tandem.server.domain.Timestamps;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.domain.membership.MembershipService;
import dev.tandem.server.store.PersonDao;
import dev.tandem.server.store.ProgramDao;
import dev.tandem.server.sync.lead.LeadCreator;
import dev.tandem.server.sync.lead.LeadOrigin;
import dev.tandem.server.sync.lead.LeadResults;
import dev.tandem.server.sync.settings.SyncSettingsService;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Salesforce flow actions, run at once (not on the sync cycle) for a whole group of people: CampaignMember
 * inserts, updates and deletes go through sObject Collections, 200 records a call, and membership look-ups are one
 * SOQL query per 200 people. A person not yet in Salesforce is created as a Lead first by the shared, crash-safe
 * {@link LeadCreator} (LastName and Company default from the sync settings), except in smart campaigns of a program
 * linked to a campaign, where the implied action is off and the person is skipped with the reason. Each Salesforce
 * call runs outside any transaction; what it changed is then recorded in one transaction per group.
 */
public final class SalesforceFlowActions implements SalesforceSteps {

    /** Records per Collections call and people per membership query. */
    static final int CHUNK = 200;

    /** How often a step looks again for Leads another creator is making, and how long it waits in between. */
    static final int BUSY_ROUNDS = 10;
    static final Duration BUSY_PAUSE = Duration.ofMillis(500);

    static final String IMPLIED_OFF = "Person is not in Salesforce; the implied Sync Person to SFDC is off in smart "
            + "campaigns of a program linked to a Salesforce campaign";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Supplier<Optional<SalesforceClient>> clients;
    private final FlowRecorder recorder;
    private final LeadCreator leads;
    private final PersonDao people = new PersonDao();
    private final ProgramDao programs = new ProgramDao();

    /**
     * @param clients the node's shared Salesforce client, empty while no connection is configured
     */
    public SalesforceFlowActions(Jdbi jdbi, Clock clock, Supplier<Optional<SalesforceClient>> clients,
                                 SyncSettingsService settings, ActivityLog activityLog,
                                 MembershipService memberships) {
        this(jdbi, clock, clients, settings, activityLog, memberships, new LeadCreator(jdbi, settings, activityLog,
                clock));
    }

    /**
     * @param clients the node's shared Salesforce client, empty while no connection is configured
     * @param nodeId  this node's name, on the Lead intents it holds
     */
    public SalesforceFlowActions(Jdbi jdbi, Clock clock, Supplier<Optional<SalesforceClient>> clients,
                                 SyncSettingsService settings, ActivityLog activityLog,
                                 MembershipService memberships, String nodeId) {
        this(jdbi, clock, clients, settings, activityLog, memberships, new LeadCreator(jdbi, settings, activityLog,
                clock, nodeId));
    }

    private SalesforceFlowActions(Jdbi jdbi, Clock clock, Supplier<Optional<SalesforceClient>> clients,
                                  SyncSettingsService settings, ActivityLog activityLog,
                                  MembershipService memberships, LeadCreator leads) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.clients = clients;
        this.recorder = new FlowRecorder(activityLog, new TriggerQueue(), memberships);
        this.leads = leads;
    }

    @Override
    public Map<Long, StepOutcome> run(SmartCampaign campaign, FlowAction action, List<Long> personIds) {
        Map<Long, StepOutcome> outcomes = new LinkedHashMap<>();
        Optional<SalesforceClient> client = clients.get();
        if (client.isEmpty()) {
            personIds.forEach(id -> outcomes.put(id, StepOutcome.failed("Salesforce is not connected")));
            return outcomes;
        }
        Map<Long, Person> found = new LinkedHashMap<>();
        jdbi.useHandle(h -> people.find(h, PersonDao.Key.ID, personIds, 0, personIds.size())
                .forEach(p -> found.put(p.id(), p)));
        personIds.stream().filter(id -> !found.containsKey(id))
                .forEach(id -> outcomes.put(id, StepOutcome.skipped("Person not found")));
        try {
            Step step = new Step(client.get(), campaign, outcomes);
            if (action instanceof FlowAction.SyncPersonToSfdc a) {
                step.sync(new ArrayList<>(found.values()), a.assignTo());
            } else if (action instanceof FlowAction.AddToSfdcCampaign a) {
                step.add(target(a.campaignId()), step.ensureInSalesforce(found.values()), a.status());
            } else if (action instanceof FlowAction.RemoveFromSfdcCampaign a) {
                step.remove(target(a.campaignId()), new ArrayList<>(found.values()));
            } else if (action instanceof FlowAction.ChangeStatusInSfdcCampaign a) {
                step.changeStatus(target(a.campaignId()), step.ensureInSalesforce(found.values()), a.status());
            } else {
                throw new IllegalArgumentException("not a Salesforce action: " + action.displayName());
            }
        } catch (SalesforceException e) {
            if (e.kind() == ErrorKind.LIMIT || e.kind() == ErrorKind.RETRYABLE) {
                // The API budget is spent or Salesforce is briefly unavailable: nobody fails; the executor's lease
                // lapses and the step runs again later (what was already done is skipped or done again safely).
                throw e;
            }
            // A whole call was refused (credentials, configuration): everyone not yet decided fails with the error.
            String reason = "Salesforce refused the call: " + e.errorCode() + " " + e.errorMessage();
            found.keySet().forEach(id -> outcomes.putIfAbsent(id, StepOutcome.failed(reason)));
        }
        return outcomes;
    }

    private CampaignTarget target(String campaignId) {
        return jdbi.withHandle(h -> {
            Optional<Program> linked = programs.bySfdcCampaignId(h, campaignId);
            if (linked.isEmpty()) {
                String key = SfdcCampaignIds.key(campaignId);
                linked = h.createQuery("SELECT id FROM programs WHERE sfdc_campaign_id LIKE :prefix")
                        .bind("prefix", key + "%").mapTo(Long.class).findFirst().flatMap(id -> programs.byId(h, id));
            }
            return new CampaignTarget(linked.map(Program::sfdcCampaignId).orElse(campaignId), linked.orElse(null));
        });
    }

    /** One run of one action for one group of people, collecting each person's outcome. */
    private final class Step {
        private final SalesforceClient client;
        private final SmartCampaign campaign;
        private final Map<Long, StepOutcome> outcomes;

        Step(SalesforceClient client, SmartCampaign campaign, Map<Long, StepOutcome> outcomes) {
            this.client = client;
            this.campaign = campaign;
            this.outcomes = outcomes;
        }

        /**
         * Sync Person to SFDC: creates Leads for people not in Salesforce and updates the others' records, owned by
         * {@code owner} when given (else Salesforce's assignment rules decide).
         */
        void sync(List<Person> group, String owner) {
            List<Person> missing = group.stream().filter(p -> !inSalesforce(p)).toList();
            createLeads(missing, owner).forEach(person -> outcomes.put(person.id(), StepOutcome.done()));
            List<Person> existing = group.stream().filter(this::inSalesforceAndUndecided).toList();
            for (SfdcType type : SfdcType.values()) {
                List<Person> ofType = existing.stream().filter(p -> p.sfdcType() == type).toList();
                if (ofType.isEmpty()) {
                    continue;
                }
                List<Map<String, Object>> records = ofType.stream().map(p -> update(p, type, owner)).toList();
                List<SaveResult> results = client.update(type.apiName(), records);
                List<Runnable> writes = new ArrayList<>();
                for (SaveResult r : results) {
                    Person person = ofType.get(r.index());
                    if (r.success()) {
                        outcomes.put(person.id(), StepOutcome.done());
                        writes.add(() -> jdbi.useTransaction(tx -> recorder.updated(tx, campaign, person, type,
                                owner, Timestamps.now(clock))));
                    } else {
                        outcomes.put(person.id(), failure(r.error()));
                    }
                }
                writes.forEach(Runnable::run);
            }
        }

        /** The people ready for a campaign action: already in Salesforce, or created as Leads now when allowed. */
        List<Person> ensureInSalesforce(Collection<Person> group) {
            List<Person> ready = new ArrayList<>(group.stream().filter(this::inSalesforce).toList());
            List<Person> missing = group.stream().filter(p -> !inSalesforce(p)).toList();
            if (missing.isEmpty()) {
                return ready;
            }
            if (impliedActionsOff()) {
                missing.forEach(p -> outcomes.put(p.id(), StepOutcome.skipped(IMPLIED_OFF)));
                return ready;
            }
            ready.addAll(createLeads(missing, null));
            return ready;
        }

        /** Add to SFDC Campaign: inserts members; people already in the campaign are skipped, status untouched. */
        void add(CampaignTarget target, List<Person> group, String status) {
            List<Map<String, Object>> records = group.stream().map(p -> member(target, p, status)).toList();
            if (records.isEmpty()) {
                return;
            }
            List<SaveResult> results = client.create("CampaignMember", records);
            List<Person> duplicates = new ArrayList<>();
            jdbi.useTransaction(tx -> {
                for (SaveResult r : results) {
                    Person person = group.get(r.index());
                    if (r.success()) {
                        recorder.added(tx, campaign, target, person, r.id(), status, Timestamps.now(clock));
                        outcomes.put(person.id(), StepOutcome.done());
                    } else if ("DUPLICATE_VALUE".equals(r.error().statusCode())) {
                        duplicates.add(person);
                    } else {
                        outcomes.put(person.id(), failure(r.error()));
                    }
                }
            });
            adoptUnrecordedMembers(target, duplicates, status);
        }

        /**
         * People Salesforce already holds as members. Usually old news: skipped, status untouched. But when Tandem
         * holds no row for the member and Salesforce has it in the status this step sends, an earlier attempt of the
         * step inserted it and died before recording it; that addition is recorded now, once (the row, activity 42).
         */
        private void adoptUnrecordedMembers(CampaignTarget target, List<Person> duplicates, String status) {
            if (duplicates.isEmpty()) {
                return;
            }
            Map<Long, SObject> members = members(target, duplicates);
            jdbi.useTransaction(tx -> {
                Optional<Map<Long, FlowRecorder.Held>> held = recorder.held(tx, target, duplicates);
                for (Person person : duplicates) {
                    SObject member = members.get(person.id());
                    if (member != null && held.isPresent() && !held.get().containsKey(person.id())
                            && status.equals(member.getString("Status"))) {
                        recorder.added(tx, campaign, target, person, member.id(), status, Timestamps.now(clock));
                        outcomes.put(person.id(), StepOutcome.done());
                    } else {
                        outcomes.put(person.id(), StepOutcome.skipped("Already a member of campaign "
                                + target.campaignId() + "; status not changed"));
                    }
                }
            });
        }

        /** Remove from SFDC Campaign: deletes the members; non-members are skipped. */
        void remove(CampaignTarget target, List<Person> group) {
            Map<Long, SObject> members = members(target, group);
            List<Person> removable = new ArrayList<>();
            List<Person> absent = new ArrayList<>();
            for (Person p : group) {
                if (members.containsKey(p.id())) {
                    removable.add(p);
                } else {
                    absent.add(p);
                }
            }
            recordUnrecordedRemovals(target, absent);
            if (removable.isEmpty()) {
                return;
            }
            List<SaveResult> results = client.delete(removable.stream().map(p -> members.get(p.id()).id()).toList());
            jdbi.useTransaction(tx -> {
                for (SaveResult r : results) {
                    Person person = removable.get(r.index());
                    if (r.success() || r.isRecordGone()) {
                        SObject member = members.get(person.id());
                        recorder.removed(tx, campaign, target, person.id(), member.id(), member.getString("Status"),
                                Timestamps.now(clock));
                        outcomes.put(person.id(), StepOutcome.done());
                    } else {
                        outcomes.put(person.id(), failure(r.error()));
                    }
                }
            });
        }

        /**
         * People who are not members in Salesforce. Usually skipped; but when Tandem still holds their member, an
         * earlier attempt of this step deleted it and died before recording it: that removal is recorded now, once
         * (the row dropped, activity 43).
         */
        private void recordUnrecordedRemovals(CampaignTarget target, List<Person> absent) {
            if (absent.isEmpty()) {
                return;
            }
            jdbi.useTransaction(tx -> {
                Map<Long, FlowRecorder.Held> held = recorder.held(tx, target, absent).orElse(Map.of());
                for (Person person : absent) {
                    FlowRecorder.Held member = held.get(person.id());
                    if (member != null && inSalesforce(person)) {
                        recorder.removed(tx, campaign, target, person.id(), member.memberId(), member.status(),
                                Timestamps.now(clock));
                        outcomes.put(person.id(), StepOutcome.done());
                    } else {
                        outcomes.put(person.id(), StepOutcome.skipped("Not a member of campaign "
                                + target.campaignId()));
                    }
                }
            });
        }

        /** Change Status in SFDC Campaign: updates members' status and adds non-members with it. */
        void changeStatus(CampaignTarget target, List<Person> group, String status) {
            Map<Long, SObject> members = members(target, group);
            List<Person> toUpdate = new ArrayList<>();
            List<Person> toAdd = new ArrayList<>();
            List<Person> inStatus = new ArrayList<>();
            for (Person p : group) {
                SObject member = members.get(p.id());
                if (member == null) {
                    toAdd.add(p);
                } else if (status.equals(member.getString("Status"))) {
                    inStatus.add(p);
                } else {
                    toUpdate.add(p);
                }
            }
            recordUnrecordedStatuses(target, inStatus, members, status);
            if (!toUpdate.isEmpty()) {
                List<Map<String, Object>> records = toUpdate.stream().map(p -> {
                    Map<String, Object> record = new LinkedHashMap<>();
                    record.put("Id", members.get(p.id()).id());
                    record.put("Status", status);
                    return record;
                }).toList();
                List<SaveResult> results = client.update("CampaignMember", records);
                jdbi.useTransaction(tx -> {
                    for (SaveResult r : results) {
                        Person person = toUpdate.get(r.index());
                        SObject member = members.get(person.id());
                        if (r.success()) {
                            recorder.statusChanged(tx, campaign, target, person, member.id(),
                                    member.getString("Status"), status, Timestamps.now(clock));
                            outcomes.put(person.id(), StepOutcome.done());
                        } else {
                            outcomes.put(person.id(), failure(r.error()));
                        }
                    }
                });
            }
            add(target, toAdd, status);
        }

        /**
         * Members Salesforce already has in {@code status}. Usually skipped; but when Tandem holds the member in
         * another status (or holds no member at all), an earlier attempt of this step changed (or added) it and died
         * before recording it: that change is recorded now, once (the row, activity 44 or 42).
         */
        private void recordUnrecordedStatuses(CampaignTarget target, List<Person> inStatus, Map<Long, SObject> members,
                                              String status) {
            if (inStatus.isEmpty()) {
                return;
            }
            jdbi.useTransaction(tx -> {
                Optional<Map<Long, FlowRecorder.Held>> held = recorder.held(tx, target, inStatus);
                for (Person person : inStatus) {
                    SObject member = members.get(person.id());
                    FlowRecorder.Held known = held.map(rows -> rows.get(person.id())).orElse(null);
                    if (known == null && held.isPresent()) {
                        recorder.added(tx, campaign, target, person, member.id(), status, Timestamps.now(clock));
                        outcomes.put(person.id(), StepOutcome.done());
                    } else if (known != null && known.memberId().equals(member.id())
                            && !status.equals(known.status())) {
                        recorder.statusChanged(tx, campaign, target, person, member.id(), known.status(), status,
                                Timestamps.now(clock));
                        outcomes.put(person.id(), StepOutcome.done());
                    } else {
                        outcomes.put(person.id(), StepOutcome.skipped("Already has status '" + status
                                + "' in campaign " + target.campaignId()));
                    }
                }
            });
        }

        private Map<Long, SObject> members(CampaignTarget target, List<Person> group) {
            Map<String, Long> bySfdcId = new HashMap<>();
            group.stream().filter(this::inSalesforce).forEach(p -> bySfdcId.put(p.sfdcId(), p.id()));
            group.stream().filter(p -> !inSalesforce(p)).forEach(p ->
                    outcomes.putIfAbsent(p.id(), StepOutcome.skipped("Not a member of campaign " + target.campaignId()
                            + " (the person is not in Salesforce)")));
            Map<Long, SObject> members = new HashMap<>();
            List<String> ids = new ArrayList<>(bySfdcId.keySet());
            for (int i = 0; i < ids.size(); i += CHUNK) {
                List<String> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
                Soql soql = Soql.select("Id", "LeadId", "ContactId", "Status").from("CampaignMember")
                        .where(Cond.eq("CampaignId", target.campaignId())
                                .and(Cond.in("LeadId", chunk).or(Cond.in("ContactId", chunk))))
                        .build();
                try (var rows = client.stream(soql)) {
                    rows.forEach(row -> {
                        String who = row.getString("LeadId") != null ? row.getString("LeadId") : row.getString("ContactId");
                        Long person = who == null ? null : bySfdcId.get(who);
                        if (person != null) {
                            members.put(person, row);
                        }
                    });
                }
            }
            return members;
        }

        /**
         * Creates Leads (owned by {@code owner} when given) through the shared, crash-safe {@link LeadCreator};
         * returns the people now in Salesforce. A call that stopped part-way is rethrown once what it did is kept.
         */
        private List<Person> createLeads(List<Person> missing, String owner) {
            LeadOrigin origin = new LeadOrigin(owner, campaign.id(), "Smart Campaign " + campaign.name() + ": created");
            List<Person> ready = new ArrayList<>();
            List<Person> pending = missing;
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round > 0) {
                    pause();
                }
                LeadResults results = leads.create(client, pending, origin);
                results.failed().forEach((id, error) -> outcomes.put(id, failure(error)));
                pending.stream().map(p -> results.linked(p.id())).flatMap(Optional::stream).forEach(ready::add);
                if (results.stoppedBy() != null) {
                    throw results.stoppedBy();
                }
                // Another creator (the sync, another node) is making these Leads right now: wait for it to finish.
                pending = pending.stream().filter(p -> results.busy().contains(p.id())).toList();
                if (!pending.isEmpty() && round == BUSY_ROUNDS) {
                    throw new LeadsBusyException(pending.size());
                }
            }
            return ready;
        }

        private boolean impliedActionsOff() {
            Long owner = campaign.programId();
            return owner != null && jdbi.withHandle(h -> programs.byId(h, owner)).map(Program::isLinked).orElse(false);
        }

        private boolean inSalesforce(Person p) {
            return !LeadCreator.needsLead(p);
        }

        private boolean inSalesforceAndUndecided(Person p) {
            return inSalesforce(p) && !outcomes.containsKey(p.id());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(BUSY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Leads another creator makes", e);
        }
    }

    private static Map<String, Object> member(CampaignTarget target, Person p, String status) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("CampaignId", target.campaignId());
        record.put(p.sfdcType() == SfdcType.CONTACT ? "ContactId" : "LeadId", p.sfdcId());
        record.put("Status", status);
        return record;
    }

    // A forced update sends what Tandem knows; empty fields are left alone rather than blanked in Salesforce.
    private static Map<String, Object> update(Person p, SfdcType type, String owner) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("Id", p.sfdcId());
        if (owner != null) {
            record.put("OwnerId", owner);
        }
        if (p.firstName() != null) {
            record.put("FirstName", p.firstName());
        }
        if (p.lastName() != null) {
            record.put("LastName", p.lastName());
        }
        if (p.email() != null) {
            record.put("Email", p.email());
        }
        if (type == SfdcType.LEAD && p.company() != null) {
            record.put("Company", p.company());
        }
        return record;
    }

    private static StepOutcome failure(RecordError error) {
        return StepOutcome.failed(error.statusCode() + ": " + error.message());
    }
}
