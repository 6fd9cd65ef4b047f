package dev.tandem.server.console.web;

import java.util.Collection;

/**
 * A refusal split into the form field it concerns and the problem, so a form can show the problem next to the
 * field. Domain messages start with the field name ("value: 'x' is not a date"); a message naming no field of the
 * form goes to {@code fallback} whole.
 */
public record FieldMessage(String field, String problem) {

    /** Splits {@code message}; {@code fields} are the form's field names. */
    public static FieldMessage parse(String message, Collection<String> fields, String fallback) {
        String text = message == null ? "" : message;
        int colon = text.indexOf(':');
        if (colon > 0) {
            String field = text.substring(0, colon).trim();
            if (fields.contains(field)) {
                String problem = text.substring(colon + 1).trim();
                return new FieldMessage(field, problem.isEmpty() ? text : capitalised(problem));
            }
        }
        return new FieldMessage(fallback, text);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
