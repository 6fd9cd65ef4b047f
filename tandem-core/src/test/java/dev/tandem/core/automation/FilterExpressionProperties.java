package dev.tandem.core.automation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FilterExpressionProperties {

    /** The canonical text of a parsed expression parses back to an expression that decides every case alike. */
    @Property(tries = 300)
    void canonicalTextParsesBackToAnEquivalentExpression(@ForAll("expressions") String text,
                                                         @ForAll("matchSets") Set<Integer> matching) {
        FilterExpression parsed = FilterExpressionParser.parse(text, 4);
        FilterExpression again = FilterExpressionParser.parse(parsed.toString(), 4);
        assertThat(again.evaluate(matching::contains)).isEqualTo(parsed.evaluate(matching::contains));
    }

    /** "ALL" is the same as the advanced expression "1 and 2 and … n", "ANY" as "1 or 2 or … n". */
    @Property(tries = 200)
    void allAndAnyAgreeWithTheirAdvancedSpelling(@ForAll("matchSets") Set<Integer> matching) {
        assertThat(FilterLogic.all().passes(4, matching::contains))
                .isEqualTo(FilterLogic.advanced("1 and 2 and 3 and 4", 4).passes(4, matching::contains));
        assertThat(FilterLogic.any().passes(4, matching::contains))
                .isEqualTo(FilterLogic.advanced("1 or 2 or 3 or 4", 4).passes(4, matching::contains));
    }

    @Provide
    Arbitrary<Set<Integer>> matchSets() {
        return Arbitraries.integers().between(1, 4).set();
    }

    // Expressions over filters 1..4 that use each filter exactly once: a random grouping of a shuffled list.
    @Provide
    Arbitrary<String> expressions() {
        return Arbitraries.shuffle(1, 2, 3, 4).flatMap(order -> Arbitraries.integers().between(0, 1 << 10)
                .map(seed -> build(new ArrayList<>(order), seed, 0)));
    }

    private static String build(List<Integer> numbers, int seed, int depth) {
        if (numbers.size() == 1) {
            return numbers.get(0).toString();
        }
        int split = 1 + Math.floorMod(seed >> depth, numbers.size() - 1);
        String op = ((seed >> (depth + 3)) & 1) == 0 ? " and " : " or ";
        String left = build(numbers.subList(0, split), seed, depth + 1);
        String right = build(numbers.subList(split, numbers.size()), seed, depth + 2);
        return "(" + left + op + right + ")";
    }
}
