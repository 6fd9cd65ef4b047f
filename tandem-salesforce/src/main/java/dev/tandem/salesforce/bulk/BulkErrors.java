package dev.tandem.salesforce.bulk;

import dev.tandem.salesforce.write.RecordError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses the {@code sf__Error} cell of failed Bulk API rows: {@code CODE:message:Field1,Field2 --}, where the
 * field list may be empty ({@code CODE:message:--}) and the message may itself contain colons.
 */
public final class BulkErrors {
    private BulkErrors() {
    }

    public static RecordError parse(String cell) {
        if (cell == null || cell.isBlank()) {
            return new RecordError("UNKNOWN", "failed without an error message", List.of());
        }
        int first = cell.indexOf(':');
        if (first < 0) {
            return new RecordError("UNKNOWN", cell, List.of());
        }
        String code = cell.substring(0, first);
        String rest = cell.substring(first + 1);
        int last = rest.lastIndexOf(':');
        String message = last >= 0 ? rest.substring(0, last) : rest;
        String fieldPart = last >= 0 ? rest.substring(last + 1) : "";
        List<String> fields = new ArrayList<>();
        String names = fieldPart.strip();
        if (names.endsWith("--")) {
            names = names.substring(0, names.length() - 2);
        }
        Arrays.stream(names.split("[,;]")).map(String::trim).filter(f -> !f.isEmpty()).forEach(fields::add);
        return new RecordError(code, message, fields);
    }
}
