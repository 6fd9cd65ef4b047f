package dev.tandem.server.sync.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which Lead found in Salesforce an interrupted attempt created, for each open intent (a pure function).
 *
 * <p>With an email, a Lead with the same email (ignoring case) is the person's: the first one created since the
 * intent opened is taken, else the latest older one (Salesforce already knew the person; creating another would
 * duplicate them). Without an email, only a Lead without email with the very LastName, Company and FirstName sent
 * and created since the intent opened qualifies, the earliest first. "Since" allows {@link #CLOCK_SKEW} for the
 * difference between Tandem's clock and Salesforce's. A Lead is given to one person at most, and never one that a
 * Tandem person already holds.
 */
public final class LeadMatcher {

    /** How far Salesforce's CreatedDate may lag Tandem's clock and still count as "since the intent". */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private LeadMatcher() {
    }

    /**
     * The Lead id adopted per person id, for those intents a candidate matches.
     *
     * @param intents    the open intents, in any order (the oldest intent chooses first)
     * @param candidates Leads found by the look-up
     * @param held       Lead ids already held by Tandem people (never adopted)
     */
    public static Map<Long, String> match(List<LeadIntent> intents, List<ExistingLead> candidates, Set<String> held) {
        Set<String> taken = new HashSet<>(held);
        List<ExistingLead> byCreation = candidates.stream()
                .sorted(Comparator.comparing(ExistingLead::createdDate, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(ExistingLead::id))
                .toList();
        List<LeadIntent> oldestFirst = intents.stream()
                .sorted(Comparator.comparing(LeadIntent::createdAt).thenComparing(LeadIntent::personId)).toList();
        Map<Long, String> adopted = new LinkedHashMap<>();
        for (LeadIntent intent : oldestFirst) {
            List<ExistingLead> free = byCreation.stream().filter(l -> !taken.contains(l.id())).toList();
            Optional<ExistingLead> chosen = intent.fields().email() != null
                    ? byEmail(intent, free) : byValues(intent, free);
            chosen.ifPresent(lead -> {
                taken.add(lead.id());
                adopted.put(intent.personId(), lead.id());
            });
        }
        return adopted;
    }

    private static Optional<ExistingLead> byEmail(LeadIntent intent, List<ExistingLead> free) {
        String email = normalized(intent.fields().email());
        List<ExistingLead> same = free.stream().filter(l -> email.equals(normalized(l.email()))).toList();
        Optional<ExistingLead> since = same.stream().filter(l -> createdSince(l, intent)).findFirst();
        if (since.isPresent()) {
            return since;
        }
        return same.isEmpty() ? Optional.empty() : Optional.of(same.get(same.size() - 1));
    }

    private static Optional<ExistingLead> byValues(LeadIntent intent, List<ExistingLead> free) {
        LeadFields sent = intent.fields();
        return free.stream()
                .filter(l -> normalized(l.email()) == null)
                .filter(l -> Objects.equals(sent.lastName(), l.lastName()))
                .filter(l -> Objects.equals(sent.company(), l.company()))
                .filter(l -> Objects.equals(sent.firstName(), blankToNull(l.firstName())))
                .filter(l -> createdSince(l, intent))
                .findFirst();
    }

    private static boolean createdSince(ExistingLead lead, LeadIntent intent) {
        Instant from = intent.createdAt().minus(CLOCK_SKEW);
        return lead.createdDate() != null && !lead.createdDate().isBefore(from);
    }

    private static String normalized(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
