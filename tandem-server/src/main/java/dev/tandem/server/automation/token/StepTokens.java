package dev.tandem.server.automation.token;

import dev.tandem.core.token.TokenDate;
import dev.tandem.core.token.TokenText;
import dev.tandem.server.automation.model.FlowAction;
import dev.tandem.server.automation.model.SfdcCampaignIds;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Puts token values into a flow action's parameters (campaign, status, wait date) for one person's run. A reference
 * without a value, or a value the parameter cannot take, makes the step skip that person with the reason.
 */
public final class StepTokens {

    private StepTokens() {
    }

    /** The action with its tokens replaced, or the reason the step is skipped for the person. */
    public record Resolved(FlowAction action, String skipReason) {
        static Resolved of(FlowAction action) {
            return new Resolved(action, null);
        }

        static Resolved skip(String reason) {
            return new Resolved(null, reason);
        }

        /** Whether the step runs. */
        public boolean runs() {
            return skipReason == null;
        }
    }

    /** Whether any parameter of {@code action} refers to a token. */
    public static boolean hasReferences(FlowAction action) {
        if (action instanceof FlowAction.AddToSfdcCampaign a) {
            return TokenText.hasReference(a.campaignId()) || TokenText.hasReference(a.status());
        }
        if (action instanceof FlowAction.RemoveFromSfdcCampaign a) {
            return TokenText.hasReference(a.campaignId());
        }
        if (action instanceof FlowAction.ChangeStatusInSfdcCampaign a) {
            return TokenText.hasReference(a.campaignId()) || TokenText.hasReference(a.status());
        }
        if (action instanceof FlowAction.ChangeProgramStatus a) {
            return TokenText.hasReference(a.status());
        }
        return action instanceof FlowAction.Wait w && w.untilToken() != null;
    }

    /** Resolves {@code action}'s references against {@code values} (keyed by {@link TokenText#key(String)}). */
    public static Resolved resolve(FlowAction action, Map<String, String> values, ZoneId zone) {
        if (!hasReferences(action)) {
            return Resolved.of(action);
        }
        try {
            if (action instanceof FlowAction.AddToSfdcCampaign a) {
                return Resolved.of(new FlowAction.AddToSfdcCampaign(campaign(a.campaignId(), values),
                        text(a.status(), "status", values)));
            }
            if (action instanceof FlowAction.RemoveFromSfdcCampaign a) {
                return Resolved.of(new FlowAction.RemoveFromSfdcCampaign(campaign(a.campaignId(), values)));
            }
            if (action instanceof FlowAction.ChangeStatusInSfdcCampaign a) {
                return Resolved.of(new FlowAction.ChangeStatusInSfdcCampaign(campaign(a.campaignId(), values),
                        text(a.status(), "status", values)));
            }
            if (action instanceof FlowAction.ChangeProgramStatus a) {
                return Resolved.of(new FlowAction.ChangeProgramStatus(a.programId(), text(a.status(), "status",
                        values)));
            }
            FlowAction.Wait w = (FlowAction.Wait) action;
            return Resolved.of(w.at(date(w.untilToken(), values, zone)));
        } catch (Unresolved e) {
            return Resolved.skip(e.getMessage());
        }
    }

    private static String text(String parameter, String field, Map<String, String> values) {
        TokenText.Resolution r = TokenText.resolve(parameter, values);
        if (!r.complete()) {
            throw new Unresolved(r.missing().stream().map(TokenText::reference).collect(Collectors.joining(", "))
                    + (r.missing().size() == 1 ? " has" : " have") + " no value for " + field + ": neither the "
                    + "program's My Tokens nor the request define " + (r.missing().size() == 1 ? "it" : "them"));
        }
        if (r.text().isBlank()) {
            throw new Unresolved(parameter + " gives an empty " + field);
        }
        return r.text().trim();
    }

    private static String campaign(String parameter, Map<String, String> values) {
        String id = text(parameter, "campaignId", values);
        if (TokenText.hasReference(parameter) && !SfdcCampaignIds.isCampaignId(id)) {
            throw new Unresolved(parameter + " gives '" + id + "', which is not a Salesforce campaign id (15 or 18 "
                    + "characters starting with 701)");
        }
        return id;
    }

    private static Instant date(String reference, Map<String, String> values, ZoneId zone) {
        String value = text(reference, "the wait date", values);
        Optional<Instant> date = TokenDate.parse(value, zone);
        if (date.isEmpty()) {
            throw new Unresolved(reference + " gives '" + value + "', which is not a date such as 2026-12-01 or "
                    + "2026-12-01T09:00:00Z");
        }
        return date.get();
    }

    /** A parameter that cannot be given a value for this person. */
    private static final class Unresolved extends RuntimeException {
        Unresolved(String message) {
            super(message, null, false, false);
        }
    }
}
