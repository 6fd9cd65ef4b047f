package dev.tandem.server.automation.flow;

import dev.tandem.server.automation.model.FlowAction;
import dev.tandem.server.automation.model.SmartCampaign;

import java.util.List;
import java.util.Map;

/**
 * Runs the flow actions that talk to Salesforce, for many people at once (200 records a call). Implementations
 * make their network calls outside any transaction and write each change's activity, with the campaign's id, in
 * a transaction of their own.
 */
public interface SalesforceSteps {

    /** Runs {@code action} of {@code campaign} for the people; returns the outcome of each person. */
    Map<Long, StepOutcome> run(SmartCampaign campaign, FlowAction action, List<Long> personIds);
}
