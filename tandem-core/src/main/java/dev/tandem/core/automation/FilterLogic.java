package dev.tandem.core.automation;

import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * How a smart list combines its filters: ALL (and), ANY (or) or an advanced expression. Triggers are never part
 * of it: they are always ORed. With no filters every person passes.
 *
 * @param expression the parsed expression for {@link MatchType#ADVANCED}, else null
 */
public record FilterLogic(MatchType type, FilterExpression expression) {

    /** Fewest filters for which Marketo offers advanced logic. */
    public static final int ADVANCED_MINIMUM = 3;

    /** Marketo's {@code filterMatchType}. */
    public enum MatchType {
        ALL, ANY, ADVANCED;

        /** Parses "all", "any" or "advanced", ignoring case. */
        public static MatchType parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + value + "' is not one of all, any, advanced");
            }
        }
    }

    public FilterLogic {
        if (type == null) {
            throw new IllegalArgumentException("type: must not be null");
        }
        if ((type == MatchType.ADVANCED) != (expression != null)) {
            throw new IllegalArgumentException("expression: required exactly for advanced logic");
        }
    }

    /** ALL: every filter must match. */
    public static FilterLogic all() {
        return new FilterLogic(MatchType.ALL, null);
    }

    /** ANY: one filter must match. */
    public static FilterLogic any() {
        return new FilterLogic(MatchType.ANY, null);
    }

    /**
     * Advanced logic over {@code filterCount} filters.
     *
     * @throws InvalidExpressionException when the text is malformed or there are fewer than three filters
     */
    public static FilterLogic advanced(String text, int filterCount) {
        if (filterCount < ADVANCED_MINIMUM) {
            throw new InvalidExpressionException("advanced filter logic needs at least " + ADVANCED_MINIMUM
                    + " filters, the smart list has " + filterCount, 0);
        }
        return new FilterLogic(MatchType.ADVANCED, FilterExpressionParser.parse(text, filterCount));
    }

    /** Whether a person passes, given the number of filters and which (1-based) match. */
    public boolean passes(int filterCount, IntPredicate filterMatches) {
        if (filterCount == 0) {
            return true;
        }
        return switch (type) {
            case ALL -> java.util.stream.IntStream.rangeClosed(1, filterCount).allMatch(filterMatches);
            case ANY -> java.util.stream.IntStream.rangeClosed(1, filterCount).anyMatch(filterMatches);
            case ADVANCED -> expression.evaluate(filterMatches);
        };
    }
}
