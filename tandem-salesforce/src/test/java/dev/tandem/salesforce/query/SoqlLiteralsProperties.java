package dev.tandem.salesforce.query;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SoqlLiteralsProperties {

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withChars("ab'\"\\%_\n\r\t\b\f ,()=").ofMaxLength(40)
                .injectNull(0.0);
    }

    @Property
    void escapedStringReadsBackAsTheOriginal(@ForAll("text") String s) {
        assertThat(unescape(SoqlLiterals.escape(s))).isEqualTo(s);
    }

    @Property
    void escapedStringNeverContainsAnUnescapedQuote(@ForAll("text") String s) {
        String escaped = SoqlLiterals.escape(s);
        boolean escapedNext = false;
        for (char c : escaped.toCharArray()) {
            if (escapedNext) {
                escapedNext = false;
            } else if (c == '\\') {
                escapedNext = true;
            } else {
                assertThat(c).isNotEqualTo('\'');
            }
        }
        assertThat(escapedNext).as("dangling backslash").isFalse();
    }

    @Property
    void likeEscapingLeavesNoBareWildcard(@ForAll("text") String s) {
        String escaped = SoqlLiterals.escapeLike(s);
        boolean escapedNext = false;
        for (char c : escaped.toCharArray()) {
            if (escapedNext) {
                escapedNext = false;
            } else if (c == '\\') {
                escapedNext = true;
            } else {
                assertThat(c).isNotIn('%', '_', '\'');
            }
        }
    }

    /** SOQL's reading of an escaped string literal body, as the server applies it. */
    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            b.append(switch (n) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'b' -> '\b';
                case 'f' -> '\f';
                default -> n;
            });
        }
        return b.toString();
    }
}
