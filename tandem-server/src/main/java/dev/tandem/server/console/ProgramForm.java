package dev.tandem.server.console;

import dev.tandem.core.program.PeriodCost;
import dev.tandem.core.program.ProgramType;
import dev.tandem.server.domain.programs.NewProgram;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The "new program" form as typed, re-shown with its errors when it cannot be saved. */
public record ProgramForm(String name, String type, String channel, String description, String costMonth,
                          String costAmount) {

    /** An empty form. */
    public static ProgramForm empty() {
        return new ProgramForm("", "", "", "", "", "");
    }

    /** The problems that can be told without the database, by field name (empty when none). */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            errors.put("name", "Give the program a name.");
        } else if (name.trim().length() > 255) {
            errors.put("name", "Use at most 255 characters.");
        }
        if (type == null || type.isBlank()) {
            errors.put("type", "Choose a program type.");
        } else {
            try {
                ProgramType.parse(type);
            } catch (IllegalArgumentException e) {
                errors.put("type", "Unknown program type.");
            }
        }
        if (channel == null || channel.isBlank()) {
            errors.put("channel", "Choose a channel.");
        }
        boolean hasMonth = costMonth != null && !costMonth.isBlank();
        boolean hasAmount = costAmount != null && !costAmount.isBlank();
        if (hasMonth != hasAmount) {
            errors.put(hasMonth ? "costAmount" : "costMonth", "Give both the month and the amount of a cost, or neither.");
        }
        if (hasMonth) {
            try {
                YearMonth.parse(costMonth.trim());
            } catch (DateTimeParseException e) {
                errors.put("costMonth", "Use the form YYYY-MM.");
            }
        }
        if (hasAmount) {
            try {
                long amount = Long.parseLong(costAmount.trim());
                if (amount < 0 || amount > 99_999_999) {
                    errors.put("costAmount", "Use a whole amount from 0 to 99,999,999.");
                }
            } catch (NumberFormatException e) {
                errors.put("costAmount", "Use a whole amount, e.g. 2500.");
            }
        }
        return errors;
    }

    /** The request this form describes; call only when {@link #errors()} is empty. */
    public NewProgram toRequest() {
        List<PeriodCost> costs = costMonth == null || costMonth.isBlank() ? List.of()
                : List.of(new PeriodCost(YearMonth.parse(costMonth.trim()), Long.parseLong(costAmount.trim()), null));
        String text = description == null || description.isBlank() ? null : description.trim();
        return new NewProgram(name.trim(), text, ProgramType.parse(type), channel, costs);
    }
}
