package dev.tandem.server.console.view;

import java.time.Instant;

/** A linked program as the dashboard lists it. */
public record LinkRow(long programId, String programName, String campaignId, String campaignName, boolean paused,
                      String firstSync, Instant lastFullSync) {
}
