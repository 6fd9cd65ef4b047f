package dev.tandem.server.sync.lead;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of a {@link LeadBatch}'s insert, decided but not yet written; {@link LeadCreator#record} writes it.
 *
 * @param batch   the batch whose insert this is (its holder, origin and people)
 * @param created the new Lead id of each person Salesforce created one for
 * @param refused ids of the people Salesforce refused (no Lead was created; their intents close)
 * @param at      when the outcome was decided: the link time and the activities' time
 * @param results the outcome as the call decided it; {@link LeadCreator#record} returns it as recorded
 */
public record SettledLeads(LeadBatch batch, Map<Long, String> created, Set<Long> refused, Instant at,
                           LeadResults results) {

    public SettledLeads {
        created = Collections.unmodifiableMap(new LinkedHashMap<>(created));
        refused = Set.copyOf(refused);
    }
}
