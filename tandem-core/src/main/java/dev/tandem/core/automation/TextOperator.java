package dev.tandem.core.automation;

import java.util.List;
import java.util.Locale;

/** Operators of person-attribute filters; text comparisons ignore case and surrounding blanks, as Marketo's do. */
public enum TextOperator {
    IS("is"), IS_NOT("is not"), CONTAINS("contains"), STARTS_WITH("starts with"), IS_EMPTY("is empty");

    private final String label;

    TextOperator(String label) {
        this.label = label;
    }

    /** The operator as written in documents, e.g. "starts with". */
    public String label() {
        return label;
    }

    /** Whether the operator takes values (all but "is empty"). */
    public boolean takesValues() {
        return this != IS_EMPTY;
    }

    /** Parses a label ("is not", "starts with"; underscores and camel case accepted), ignoring case. */
    public static TextOperator parse(String value) {
        String wanted = value == null ? "" : value.trim().replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ')
                .toLowerCase(Locale.ROOT);
        for (TextOperator op : values()) {
            if (op.label.equals(wanted)) {
                return op;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not an operator (is, is not, contains, starts with, "
                + "is empty)");
    }

    /**
     * Whether {@code actual} satisfies the operator against any of {@code values} ("is not": against none of them).
     */
    public boolean matches(String actual, List<String> values) {
        String subject = normalise(actual);
        return switch (this) {
            case IS_EMPTY -> subject.isEmpty();
            case IS -> values.stream().anyMatch(v -> subject.equals(normalise(v)));
            case IS_NOT -> values.stream().noneMatch(v -> subject.equals(normalise(v)));
            case CONTAINS -> values.stream().anyMatch(v -> subject.contains(normalise(v)));
            case STARTS_WITH -> values.stream().anyMatch(v -> subject.startsWith(normalise(v)));
        };
    }

    private static String normalise(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
