package dev.tandem.server.automation.filter;

import dev.tandem.server.automation.model.Filter;
import dev.tandem.server.automation.model.SmartList;

/** Evaluates filters against a person's facts: pure functions, no I/O. */
public final class FilterEvaluator {

    private FilterEvaluator() {
    }

    /** Whether the person passes the smart list's filters under its filter logic. */
    public static boolean passes(SmartList list, PersonFacts facts) {
        return list.logic().passes(list.filters().size(), n -> matches(list.filters().get(n - 1), facts));
    }

    /** Whether one filter (or choice condition) holds for the person. */
    public static boolean matches(Filter filter, PersonFacts facts) {
        if (filter instanceof Filter.MemberOfProgram f) {
            String status = facts.programStatuses().get(f.programId());
            boolean member = status != null && (f.status() == null || f.status().matches(status));
            return f.in() == member;
        }
        if (filter instanceof Filter.MemberOfSfdcCampaign f) {
            boolean member = f.campaignIds().stream().map(facts::campaignStatus)
                    .anyMatch(status -> status != null && (f.status() == null || f.status().matches(status)));
            return f.in() == member;
        }
        if (filter instanceof Filter.AttributeMatches f) {
            return f.operator().matches(f.attribute().valueOf(facts.person()), f.values());
        }
        throw new IllegalArgumentException("unknown filter " + filter);
    }
}
