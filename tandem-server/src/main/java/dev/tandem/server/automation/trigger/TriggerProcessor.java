package dev.tandem.server.automation.trigger;

import dev.tandem.server.automation.filter.FactsLoader;
import dev.tandem.server.automation.filter.FilterEvaluator;
import dev.tandem.server.automation.filter.PersonFacts;
import dev.tandem.server.automation.flow.FlowRunStore;
import dev.tandem.server.automation.model.SmartCampaign;
import dev.tandem.server.automation.qualification.QualificationStore;
import dev.tandem.server.automation.queue.TriggerEvent;
import dev.tandem.server.automation.queue.TriggerQueue;
import dev.tandem.server.domain.Timestamps;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates queued events against the active trigger campaigns: trigger, then filters, then the qualification rule;
 * a person who passes starts a flow run. Claiming, evaluating, starting runs and deleting the events form one
 * transaction, so a node that dies mid-way leaves the events queued and nothing half-done.
 */
public final class TriggerProcessor {

    private final Jdbi jdbi;
    private final Clock clock;
    private final TriggerQueue queue;
    private final FactsLoader facts;
    private final ActiveCampaigns active = new ActiveCampaigns();
    private final QualificationStore qualifications = new QualificationStore();
    private final FlowRunStore runs = new FlowRunStore();

    public TriggerProcessor(Jdbi jdbi, Clock clock, TriggerQueue queue, FactsLoader facts) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.queue = queue;
        this.facts = facts;
    }

    /** Evaluates up to {@code limit} events (the oldest of each person); returns how many. */
    public int processBatch(int limit) {
        return jdbi.inTransaction(h -> {
            List<TriggerEvent> events = queue.claimHeads(h, limit);
            if (events.isEmpty()) {
                return 0;
            }
            Instant now = Timestamps.now(clock);
            List<SmartCampaign> campaigns = active.current(h);
            List<List<SmartCampaign>> fired = new ArrayList<>(events.size());
            Set<Long> people = new HashSet<>();
            for (TriggerEvent event : events) {
                List<SmartCampaign> matching = campaigns.stream().filter(c -> TriggerMatcher.fires(c, event)).toList();
                fired.add(matching);
                if (!matching.isEmpty()) {
                    people.add(event.personId());
                }
            }
            Map<Long, PersonFacts> known = facts.load(h, people);
            // Each person has one event in the batch, so one read of their qualifications serves the whole batch.
            Map<List<Long>, Instant> last = qualifications.lastQualified(h, people);
            List<FlowRunStore.TriggeredStart> starts = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                TriggerEvent event = events.get(i);
                PersonFacts person = known.get(event.personId());
                for (SmartCampaign campaign : fired.get(i)) {
                    if (person == null || !FilterEvaluator.passes(campaign.smartList(), person)) {
                        continue;
                    }
                    Instant previous = last.get(List.of(campaign.id(), event.personId()));
                    if (campaign.qualification().qualifies(previous, now)) {
                        starts.add(new FlowRunStore.TriggeredStart(campaign.id(), event.personId(), event.activityId(),
                                event.tokens(), previous != null));
                    }
                }
            }
            runs.startTriggered(h, starts, now);
            qualifications.record(h, starts.stream().map(s -> new QualificationStore.Qualified(s.campaignId(),
                    s.personId(), s.qualifiedBefore())).toList(), now);
            queue.delete(h, events.stream().map(TriggerEvent::id).toList());
            return events.size();
        });
    }
}
