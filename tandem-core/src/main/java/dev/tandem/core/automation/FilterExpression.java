package dev.tandem.core.automation;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/** A parsed advanced filter expression over 1-based filter numbers, e.g. {@code 1 and (2 or 3)}. */
public sealed interface FilterExpression {

    /** Whether the expression holds, given which filters (by 1-based number) match. */
    boolean evaluate(IntPredicate filterMatches);

    /** The filter numbers the expression mentions. */
    default Set<Integer> references() {
        Set<Integer> refs = new TreeSet<>();
        collect(refs);
        return refs;
    }

    /** Adds the mentioned filter numbers to {@code into}. */
    void collect(Set<Integer> into);

    /** One filter, by its 1-based number. */
    record Ref(int number) implements FilterExpression {
        @Override
        public boolean evaluate(IntPredicate filterMatches) {
            return filterMatches.test(number);
        }

        @Override
        public void collect(Set<Integer> into) {
            into.add(number);
        }

        @Override
        public String toString() {
            return Integer.toString(number);
        }
    }

    /** All operands hold. */
    record And(List<FilterExpression> operands) implements FilterExpression {
        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public boolean evaluate(IntPredicate filterMatches) {
            return operands.stream().allMatch(o -> o.evaluate(filterMatches));
        }

        @Override
        public void collect(Set<Integer> into) {
            operands.forEach(o -> o.collect(into));
        }

        @Override
        public String toString() {
            return "(" + String.join(" and ", operands.stream().map(Object::toString).toList()) + ")";
        }
    }

    /** At least one operand holds. */
    record Or(List<FilterExpression> operands) implements FilterExpression {
        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public boolean evaluate(IntPredicate filterMatches) {
            return operands.stream().anyMatch(o -> o.evaluate(filterMatches));
        }

        @Override
        public void collect(Set<Integer> into) {
            operands.forEach(o -> o.collect(into));
        }

        @Override
        public String toString() {
            return "(" + String.join(" or ", operands.stream().map(Object::toString).toList()) + ")";
        }
    }
}
