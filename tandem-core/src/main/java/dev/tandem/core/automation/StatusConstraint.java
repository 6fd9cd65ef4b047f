package dev.tandem.core.automation;

import java.util.List;
import java.util.Locale;

/**
 * A status constraint of a trigger or filter: the status is (or is not) one of the listed statuses. Status names
 * compare exactly, as channel and Salesforce campaign statuses do.
 */
public record StatusConstraint(boolean negated, List<String> statuses) {

    public StatusConstraint {
        if (statuses == null || statuses.isEmpty()) {
            throw new IllegalArgumentException("values: at least one status is required");
        }
        statuses = List.copyOf(statuses);
    }

    /** The status is one of these. */
    public static StatusConstraint is(String... statuses) {
        return new StatusConstraint(false, List.of(statuses));
    }

    /** The status is none of these. */
    public static StatusConstraint isNot(String... statuses) {
        return new StatusConstraint(true, List.of(statuses));
    }

    /** Parses the operator "is" or "is not", ignoring case. */
    public static boolean parseNegated(String operator) {
        String op = operator == null ? "" : operator.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
        return switch (op) {
            case "is" -> false;
            case "is not", "isnot" -> true;
            default -> throw new IllegalArgumentException("'" + operator + "' is not an operator (is, is not)");
        };
    }

    /** "is" or "is not". */
    public String operator() {
        return negated ? "is not" : "is";
    }

    /** Whether {@code status} (null when there is none) satisfies the constraint. */
    public boolean matches(String status) {
        boolean listed = status != null && statuses.contains(status);
        return negated != listed;
    }
}
