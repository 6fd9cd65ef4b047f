package dev.tandem.server.automation.flow.salesforce;

import dev.tandem.core.activity.Activity;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.core.membership.ChangeSource;
import dev.tandem.core.person.Person;
import dev.tandem.core.person.SfdcType;
import dev.tandem.server.automation.model.SfdcCampaignIds;
import dev.tandem.server.automation.model.SmartCampaign;
import dev.tandem.server.automation.queue.TriggerQueue;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.domain.membership.ChangeContext;
import dev.tandem.server.domain.membership.MembershipService;
import dev.tandem.server.sync.mirror.MirrorRow;
import dev.tandem.server.sync.mirror.MirrorStore;
import dev.tandem.server.sync.outbox.MemberKey;
import dev.tandem.server.sync.watch.WatchedCampaignStore;
import dev.tandem.server.sync.watch.WatchedMember;
import dev.tandem.server.sync.watch.WatchedMemberStore;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records in Tandem what a Salesforce flow step changed, inside the caller's transaction: an updated Salesforce
 * record (activity 19; created Leads are recorded by the LeadCreator), and for campaign members the 42/43/44
 * activity carrying the smart campaign id. For a campaign linked to a program it also updates the sync's mirror
 * (so the next pull sees its own echo and writes no second activity) and the program membership, as a change that
 * Salesforce already holds (no push back); for any other campaign (a watched one: the flow step names it) it
 * updates the watched campaign's member rows, for the same echo.
 */
final class FlowRecorder {

    private final ActivityLog activityLog;
    private final TriggerQueue queue;
    private final MembershipService memberships;
    private final MirrorStore mirror = new MirrorStore();
    private final WatchedMemberStore watched = new WatchedMemberStore();
    private final WatchedCampaignStore campaigns = new WatchedCampaignStore();

    FlowRecorder(ActivityLog activityLog, TriggerQueue queue, MembershipService memberships) {
        this.activityLog = activityLog;
        this.queue = queue;
        this.memberships = memberships;
    }

    /** A CampaignMember as Tandem last recorded it: its id and status. */
    record Held(String memberId, String status) {
    }

    /**
     * What Tandem holds for these people's CampaignMembers of the target campaign (the sync's mirror for a linked
     * campaign, else the watched member rows), keyed by person id; people without a row are absent. A flow step
     * whose Salesforce write went through while its recording was lost (the process died in between) sees there
     * that the write is not yet recorded. Empty when Tandem has no full picture of the campaign's members yet (a
     * watched campaign not read in full): a member it lacks may then be one Salesforce always had.
     */
    Optional<Map<Long, Held>> held(Handle h, CampaignTarget target, Collection<Person> group) {
        Map<Long, Held> held = new HashMap<>();
        if (target.linkedProgram() != null) {
            mirror.get(h, target.linkedProgram().id(), group.stream().map(Person::id).toList()).forEach((key, row) ->
                    held.put(key.personId(), new Held(row.sfMemberId(), row.sfStatus())));
            return Optional.of(held);
        }
        String key = SfdcCampaignIds.key(target.campaignId());
        if (!campaigns.hasSnapshot(h, key)) {
            return Optional.empty();
        }
        Map<String, Long> bySfdcId = new HashMap<>();
        group.stream().filter(p -> p.sfdcId() != null).forEach(p -> bySfdcId.put(p.sfdcId(), p.id()));
        watched.forPeople(h, bySfdcId.keySet(), row -> {
            Long person = bySfdcId.get(row.personSfId());
            if (person != null && key.equals(row.campaignKey())) {
                held.put(person, new Held(row.sfMemberId(), row.sfStatus()));
            }
        });
        return Optional.of(held);
    }

    /** Sync Person to SFDC updated the person's Salesforce record, owned by {@code owner} if set. */
    void updated(Handle tx, SmartCampaign campaign, Person person, SfdcType type, String owner, Instant now) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("SFDC Type", type.apiName());
        attributes.put("SFDC ID", person.sfdcId());
        attributes.put("Assign To", owner != null ? owner : "Auto-assignment rules");
        attributes.put("Reason", reason(campaign, "updated"));
        activityLog.append(tx, Activity.of(person.id(), now, ActivityType.SYNC_LEAD_TO_SFDC, campaign.id(), null, null,
                attributes));
    }

    /** The person joined the campaign with {@code status} as CampaignMember {@code memberId}. */
    void added(Handle tx, SmartCampaign campaign, CampaignTarget target, Person person, String memberId,
               String status, Instant now) {
        long personId = person.id();
        if (target.linkedProgram() == null) {
            watched.putAll(tx, List.of(watchedRow(target, person, memberId, status, now)));
        } else {
            long program = target.linkedProgram().id();
            mirror.put(tx, new MirrorRow(new MemberKey(program, personId), target.campaignId(), memberId, status, null,
                    status, null));
            memberships.changeStatus(tx, program, List.of(personId), status, context(campaign));
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("Status", status);
        write(tx, campaign, target, personId, ActivityType.ADD_TO_SFDC_CAMPAIGN, attributes, now);
    }

    /** The person's CampaignMember {@code memberId} moved from {@code oldStatus} to {@code newStatus}. */
    void statusChanged(Handle tx, SmartCampaign campaign, CampaignTarget target, Person person, String memberId,
                       String oldStatus, String newStatus, Instant now) {
        long personId = person.id();
        if (target.linkedProgram() == null) {
            watched.putAll(tx, List.of(watchedRow(target, person, memberId, newStatus, now)));
        } else {
            long program = target.linkedProgram().id();
            mirror.put(tx, new MirrorRow(new MemberKey(program, personId), target.campaignId(), memberId, newStatus,
                    null, newStatus, null));
            memberships.changeStatus(tx, program, List.of(personId), newStatus, context(campaign));
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("Old Status", oldStatus);
        attributes.put("New Status", newStatus);
        write(tx, campaign, target, personId, ActivityType.CHANGE_STATUS_IN_SFDC_CAMPAIGN, attributes, now);
    }

    /** The person left the campaign, where they held {@code status} as CampaignMember {@code memberId}. */
    void removed(Handle tx, SmartCampaign campaign, CampaignTarget target, long personId, String memberId,
                 String status, Instant now) {
        if (target.linkedProgram() == null) {
            watched.deleteAll(tx, List.of(memberId));
        } else {
            long program = target.linkedProgram().id();
            mirror.delete(tx, new MemberKey(program, personId));
            memberships.remove(tx, program, List.of(personId), context(campaign));
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("Status", status);
        write(tx, campaign, target, personId, ActivityType.REMOVE_FROM_SFDC_CAMPAIGN, attributes, now);
    }

    private void write(Handle tx, SmartCampaign campaign, CampaignTarget target, long personId, ActivityType type,
                       Map<String, Object> attributes, Instant now) {
        attributes.put("Reason", reason(campaign, type.displayName()));
        attributes.put("Source", "Tandem");
        Long primary = target.linkedProgram() == null ? null : target.linkedProgram().id();
        Activity stored = activityLog.append(tx, Activity.of(personId, now, type, campaign.id(), primary,
                target.displayName(), attributes));
        if (primary == null) {
            queue.nameSalesforceCampaign(tx, stored.id(), target.campaignId());
        }
    }

    // What Salesforce holds after Tandem's own write; the modstamp is unknown until the pull reads it back (echo).
    private static WatchedMember watchedRow(CampaignTarget target, Person person, String memberId, String status,
                                            Instant now) {
        boolean contact = person.sfdcType() == SfdcType.CONTACT;
        return new WatchedMember(memberId, SfdcCampaignIds.key(target.campaignId()), contact ? null : person.sfdcId(),
                contact ? person.sfdcId() : null, status, null, status, now);
    }

    private static ChangeContext context(SmartCampaign campaign) {
        return new ChangeContext(ChangeSource.SALESFORCE, "Changed by Smart Campaign " + campaign.name()
                + " in its Salesforce campaign", campaign.id());
    }

    private static String reason(SmartCampaign campaign, String what) {
        return "Smart Campaign " + campaign.name() + ": " + what;
    }
}
