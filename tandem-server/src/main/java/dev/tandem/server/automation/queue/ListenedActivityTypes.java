package dev.tandem.server.automation.queue;

import dev.tandem.server.automation.model.SmartCampaign;
import dev.tandem.server.automation.model.Trigger;
import dev.tandem.server.automation.store.CampaignStore;
import org.jdbi.v3.core.Handle;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The activity types that at least one active trigger campaign listens to, cached per node.
 *
 * <p>Every smart campaign write (create, rules, flow, activate, deactivate, delete) bumps one version counter in
 * its own transaction. Each lookup reads that counter in the caller's transaction (a primary-key read) and
 * re-reads the active campaigns only when it moved, so a campaign activated on any node is seen by the very next
 * activity that any node writes after the activation committed; no time-to-live, no window of missed events.
 *
 * <p>An activity whose transaction reads the counter before a concurrent activation commits is not queued: it
 * happened before the campaign was active, as Marketo's triggers also only see activities after activation. The
 * opposite race (a deactivation) at worst queues an event that the worker then discards, as it always did.
 */
public final class ListenedActivityTypes {

    private final CampaignStore store = new CampaignStore();
    // Immutable snapshot: readers never hold a lock while querying, and a stale one is replaced on the next miss.
    private volatile Snapshot snapshot = new Snapshot(-1, Set.of());

    /** The type ids listened to as of the caller's transaction. */
    public Set<Integer> current(Handle h) {
        long version = store.version(h);
        Snapshot known = snapshot;
        if (known.version() == version) {
            return known.typeIds();
        }
        Snapshot fresh = new Snapshot(version, of(store.activeTriggerCampaigns(h)));
        snapshot = fresh;
        return fresh.typeIds();
    }

    /** The activity type ids the triggers of these campaigns listen to. */
    static Set<Integer> of(Collection<SmartCampaign> campaigns) {
        Set<Integer> ids = new HashSet<>();
        for (SmartCampaign campaign : campaigns) {
            for (Trigger trigger : campaign.smartList().triggers()) {
                ids.add(trigger.activity().id());
            }
        }
        return Set.copyOf(ids);
    }

    private record Snapshot(long version, Set<Integer> typeIds) {
    }
}
