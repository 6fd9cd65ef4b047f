package dev.tandem.server.console.words;

import dev.tandem.core.automation.Recurrence;

import java.time.Instant;
import java.time.ZoneId;

/**
 * When a batch campaign runs, in words and in the subscription time zone: its plan (the recurrence, a single run or
 * nothing) and its next run.
 */
public record ScheduleWords(String plan, String nextRun) {

    /**
     * @param recurrence the campaign's recurrence, or null
     * @param nextRun    its earliest scheduled run, or null when none is scheduled
     */
    public static ScheduleWords of(Recurrence recurrence, Instant nextRun, ZoneId zone) {
        String next = nextRun == null ? null : Phrases.dateTime(nextRun, zone);
        if (recurrence != null) {
            return new ScheduleWords(RecurrenceWords.describe(recurrence, zone),
                    next != null ? next : "none: the recurrence has ended");
        }
        if (next != null) {
            return new ScheduleWords("Runs once, at " + next, next);
        }
        return new ScheduleWords("Not scheduled", "none");
    }
}
