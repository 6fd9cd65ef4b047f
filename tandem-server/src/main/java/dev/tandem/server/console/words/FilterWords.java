package dev.tandem.server.console.words;

import dev.tandem.core.automation.StatusConstraint;
import dev.tandem.server.automation.model.Filter;

import java.util.Map;

/** A filter (a smart list filter or a flow choice's condition) in words: "member of program “Webinar”". */
public final class FilterWords {

    private FilterWords() {
    }

    /** The phrase for {@code filter}; programs are named from {@code programNames} (by id) when known. */
    public static String describe(Filter filter, Map<Long, String> programNames) {
        if (filter instanceof Filter.MemberOfProgram p) {
            return (p.in() ? "member of " : "not member of ") + ProgramWords.program(p.programId(), programNames)
                    + status(p.status());
        }
        if (filter instanceof Filter.MemberOfSfdcCampaign c) {
            return (c.in() ? "member of " : "not member of ") + "SFDC campaign " + Phrases.or(c.campaignIds())
                    + status(c.status());
        }
        Filter.AttributeMatches a = (Filter.AttributeMatches) filter;
        String values = a.operator().takesValues()
                ? " " + Phrases.or(a.values().stream().map(Phrases::quoted).toList()) : "";
        return a.attribute().apiName() + " " + a.operator().label() + values;
    }

    private static String status(StatusConstraint status) {
        if (status == null) {
            return "";
        }
        return " with status " + status.operator() + " "
                + Phrases.or(status.statuses().stream().map(Phrases::quoted).toList());
    }
}
