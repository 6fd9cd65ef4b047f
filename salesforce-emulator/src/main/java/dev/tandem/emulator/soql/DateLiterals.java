package dev.tandem.emulator.soql;

import dev.tandem.emulator.soql.Ast.DateRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** SOQL's relative date literals (TODAY, LAST_N_DAYS:n, ...) as day ranges, in UTC. */
final class DateLiterals {
    private DateLiterals() {
    }

    /** True if the keyword is a date literal that takes ":n". */
    static boolean takesArgument(String keyword) {
        String k = keyword.toUpperCase(Locale.ROOT);
        return k.equals("LAST_N_DAYS") || k.equals("NEXT_N_DAYS") || k.equals("N_DAYS_AGO")
                || k.equals("LAST_N_WEEKS") || k.equals("NEXT_N_WEEKS") || k.equals("LAST_N_MONTHS")
                || k.equals("NEXT_N_MONTHS");
    }

    /** The range for a literal, or null when the keyword is no date literal. */
    static DateRange range(String keyword, int n, LocalDate today) {
        LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        LocalDate month = today.withDayOfMonth(1);
        LocalDate year = today.withDayOfYear(1);
        switch (keyword.toUpperCase(Locale.ROOT)) {
            case "TODAY": return new DateRange(today, today.plusDays(1));
            case "YESTERDAY": return new DateRange(today.minusDays(1), today);
            case "TOMORROW": return new DateRange(today.plusDays(1), today.plusDays(2));
            case "THIS_WEEK": return new DateRange(weekStart, weekStart.plusWeeks(1));
            case "LAST_WEEK": return new DateRange(weekStart.minusWeeks(1), weekStart);
            case "NEXT_WEEK": return new DateRange(weekStart.plusWeeks(1), weekStart.plusWeeks(2));
            case "THIS_MONTH": return new DateRange(month, month.plusMonths(1));
            case "LAST_MONTH": return new DateRange(month.minusMonths(1), month);
            case "NEXT_MONTH": return new DateRange(month.plusMonths(1), month.plusMonths(2));
            case "THIS_YEAR": return new DateRange(year, year.plusYears(1));
            case "LAST_YEAR": return new DateRange(year.minusYears(1), year);
            case "NEXT_YEAR": return new DateRange(year.plusYears(1), year.plusYears(2));
            case "LAST_N_DAYS": return new DateRange(today.minusDays(n), today.plusDays(1));
            case "NEXT_N_DAYS": return new DateRange(today.plusDays(1), today.plusDays(1 + n));
            case "N_DAYS_AGO": return new DateRange(today.minusDays(n), today.minusDays(n - 1L));
            case "LAST_N_WEEKS": return new DateRange(weekStart.minusWeeks(n), weekStart);
            case "NEXT_N_WEEKS": return new DateRange(weekStart.plusWeeks(1), weekStart.plusWeeks(1 + n));
            case "LAST_N_MONTHS": return new DateRange(month.minusMonths(n), month);
            case "NEXT_N_MONTHS": return new DateRange(month.plusMonths(1), month.plusMonths(1 + n));
            default: return null;
        }
    }
}
