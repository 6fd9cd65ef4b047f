package dev.tandem.server.automation.flow;

/** One person's pending way through one campaign's flow, at step {@code nextStep} (0-based). */
public record FlowRun(long id, long campaignId, long personId, Long activityId, Long batchRunId, int nextStep,
                      String tokens) {
}
