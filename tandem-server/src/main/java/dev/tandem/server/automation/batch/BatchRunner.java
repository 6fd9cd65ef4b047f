package dev.tandem.server.automation.batch;

import dev.tandem.core.person.Person;
import dev.tandem.server.automation.filter.FactsLoader;
import dev.tandem.server.automation.filter.FilterEvaluator;
import dev.tandem.server.automation.filter.PersonFacts;
import dev.tandem.server.automation.flow.FlowRunStore;
import dev.tandem.server.automation.model.CampaignType;
import dev.tandem.server.automation.model.SmartCampaign;
import dev.tandem.server.automation.qualification.QualificationStore;
import dev.tandem.server.automation.store.CampaignStore;
import dev.tandem.server.domain.Timestamps;
import dev.tandem.server.store.PersonDao;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts due batch runs: walks every person in pages, keeps those who pass the filters and the qualification rule,
 * and starts a flow run for each, all in one transaction with the run's state change (so a run starts its people
 * exactly once); then schedules the next occurrence of a recurring campaign (in the subscription time zone; runs
 * missed while no node was up are not made up, the next one is the first still ahead).
 */
public final class BatchRunner {

    private static final int PAGE = 1000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final ZoneId zone;
    private final FactsLoader facts;
    private final BatchRunStore batches = new BatchRunStore();
    private final CampaignStore campaigns = new CampaignStore();
    private final QualificationStore qualifications = new QualificationStore();
    private final FlowRunStore runs = new FlowRunStore();
    private final PersonDao people = new PersonDao();

    public BatchRunner(Jdbi jdbi, Clock clock, ZoneId zone, FactsLoader facts) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.zone = zone;
        this.facts = facts;
    }

    /** Starts one due run, if any; returns how many runs it started (0 or 1). */
    public int startDue() {
        return jdbi.inTransaction(h -> {
            Instant now = Timestamps.now(clock);
            Optional<BatchRun> due = batches.claimDue(h, now);
            if (due.isEmpty()) {
                return 0;
            }
            BatchRun run = due.get();
            Optional<SmartCampaign> campaign = campaigns.get(h, run.campaignId());
            if (campaign.isEmpty() || campaign.get().type() != CampaignType.BATCH) {
                batches.finish(h, run.id(), BatchRunStore.CANCELLED, 0, now);
                return 1;
            }
            SmartCampaign c = campaign.get();
            int started = 0;
            long after = 0;
            while (true) {
                List<Person> page = people.scan(h, after, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                after = page.get(page.size() - 1).id();
                List<Long> ids = page.stream().map(Person::id).toList();
                Map<Long, PersonFacts> known = facts.load(h, ids);
                Map<Long, Instant> last = qualifications.lastQualified(h, c.id(), ids);
                List<Long> qualifying = new ArrayList<>();
                List<QualificationStore.Qualified> qualified = new ArrayList<>();
                for (long id : ids) {
                    PersonFacts person = known.get(id);
                    if (person != null && FilterEvaluator.passes(c.smartList(), person)
                            && c.qualification().qualifies(last.get(id), now)) {
                        qualifying.add(id);
                        qualified.add(new QualificationStore.Qualified(c.id(), id, last.containsKey(id)));
                    }
                }
                qualifications.record(h, qualified, now);
                runs.startBatch(h, c.id(), run.id(), qualifying, run.tokens(), now);
                started += qualifying.size();
                if (page.size() < PAGE) {
                    break;
                }
            }
            batches.finish(h, run.id(), BatchRunStore.DONE, started, now);
            if (c.recurrence() != null) {
                // Strictly after this run, and not before now: occurrences missed while no node ran are skipped.
                Instant from = run.runAt().isBefore(now.minusNanos(1)) ? now.minusNanos(1) : run.runAt();
                Instant next = c.recurrence().next(from, zone);
                if (next != null) {
                    batches.schedule(h, c.id(), next, run.tokens(), now);
                }
            }
            return 1;
        });
    }
}
