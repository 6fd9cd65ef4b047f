package dev.tandem.server.console.words;

import dev.tandem.core.automation.WaitDuration;
import dev.tandem.core.automation.WaitWindow;
import dev.tandem.server.automation.model.FlowAction;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A Wait step in words, its times in the subscription time zone: "Wait 48 hours, ending Mon–Fri at 09:00
 * Europe/Paris", "Wait until {{my.Event Date}} minus 1 day", "Wait until Tue 2026-12-01 09:00 UTC".
 */
public final class WaitWords {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private WaitWords() {
    }

    /** The sentence for {@code wait}. */
    public static String describe(FlowAction.Wait wait, ZoneId zone) {
        if (wait.untilToken() != null) {
            if (wait.offset() == null || wait.offset().isZero()) {
                return "Wait until " + wait.untilToken();
            }
            return "Wait until " + wait.untilToken() + (wait.offset().isNegative() ? " minus " : " plus ")
                    + WaitDuration.format(wait.offset().abs());
        }
        if (wait.until() != null) {
            return "Wait until " + Phrases.dateTime(wait.until(), zone);
        }
        String length = "Wait " + WaitDuration.format(wait.duration());
        return wait.endOn() == null ? length : length + ", " + ending(wait.endOn(), zone);
    }

    private static String ending(WaitWindow window, ZoneId zone) {
        boolean anyDay = window.days().size() == DayOfWeek.values().length;
        if (window.time() == null) {
            return "ending on " + DayWords.shortRanges(window.days());
        }
        String at = "at " + TIME.format(window.time()) + " " + Phrases.zone(zone);
        return anyDay ? "ending " + at : "ending " + DayWords.shortRanges(window.days()) + " " + at;
    }
}
