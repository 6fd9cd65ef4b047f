package dev.tandem.core.automation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses Marketo's advanced filter logic: filter numbers, {@code and}, {@code or} and parentheses (case-insensitive).
 * As in Marketo, {@code and} and {@code or} may not be mixed at one level without parentheses, every number must
 * name an existing filter, and every filter must be used, so the expression says exactly what the author meant.
 */
public final class FilterExpressionParser {

    private final String text;
    private final int filterCount;
    private final List<Token> tokens;
    private int next;

    private FilterExpressionParser(String text, int filterCount) {
        this.text = text;
        this.filterCount = filterCount;
        this.tokens = tokenize(text);
    }

    /**
     * Parses {@code text} for a smart list of {@code filterCount} filters.
     *
     * @throws InvalidExpressionException naming the problem and its position
     */
    public static FilterExpression parse(String text, int filterCount) {
        if (text == null || text.isBlank()) {
            throw new InvalidExpressionException("expression is empty", 0);
        }
        FilterExpressionParser parser = new FilterExpressionParser(text, filterCount);
        FilterExpression expression = parser.expression();
        if (parser.next < parser.tokens.size()) {
            Token extra = parser.tokens.get(parser.next);
            throw new InvalidExpressionException("unexpected '" + extra.text + "'", extra.position);
        }
        Set<Integer> used = expression.references();
        for (int n = 1; n <= filterCount; n++) {
            if (!used.contains(n)) {
                throw new InvalidExpressionException("filter " + n + " is not used in the expression", text.length() - 1);
            }
        }
        return expression;
    }

    private FilterExpression expression() {
        List<FilterExpression> operands = new ArrayList<>();
        operands.add(operand());
        String operator = null;
        while (next < tokens.size() && tokens.get(next).isOperator()) {
            Token op = tokens.get(next++);
            String word = op.text.toLowerCase(Locale.ROOT);
            if (operator != null && !operator.equals(word)) {
                throw new InvalidExpressionException("'and' and 'or' are mixed without parentheses", op.position);
            }
            operator = word;
            operands.add(operand());
        }
        if (operator == null) {
            return operands.get(0);
        }
        return operator.equals("and") ? new FilterExpression.And(operands) : new FilterExpression.Or(operands);
    }

    private FilterExpression operand() {
        if (next >= tokens.size()) {
            throw new InvalidExpressionException("expression ends where a filter number or '(' is expected",
                    text.length());
        }
        Token token = tokens.get(next++);
        if (token.text.equals("(")) {
            FilterExpression inner = expression();
            if (next >= tokens.size() || !tokens.get(next).text.equals(")")) {
                throw new InvalidExpressionException("missing ')' for the '(' here", token.position);
            }
            next++;
            return inner;
        }
        if (token.isNumber()) {
            int number;
            try {
                number = Integer.parseInt(token.text);
            } catch (NumberFormatException e) {
                throw new InvalidExpressionException("filter number '" + token.text + "' is too large", token.position);
            }
            if (number < 1 || number > filterCount) {
                throw new InvalidExpressionException("filter " + number + " does not exist (the smart list has "
                        + filterCount + " filters)", token.position);
            }
            return new FilterExpression.Ref(number);
        }
        throw new InvalidExpressionException("expected a filter number or '(' but found '" + token.text + "'",
                token.position);
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(String.valueOf(c), i));
                i++;
            } else if (Character.isDigit(c) || Character.isLetter(c)) {
                int start = i;
                boolean digits = Character.isDigit(c);
                while (i < text.length() && (digits ? Character.isDigit(text.charAt(i))
                        : Character.isLetter(text.charAt(i)))) {
                    i++;
                }
                Token token = new Token(text.substring(start, i), start);
                if (!digits && !token.isOperator()) {
                    throw new InvalidExpressionException("unknown word '" + token.text + "' (use and, or)", start);
                }
                tokens.add(token);
            } else {
                throw new InvalidExpressionException("unexpected character '" + c + "'", i);
            }
        }
        return tokens;
    }

    private record Token(String text, int position) {
        boolean isOperator() {
            String word = text.toLowerCase(Locale.ROOT);
            return word.equals("and") || word.equals("or");
        }

        boolean isNumber() {
            return !text.isEmpty() && Character.isDigit(text.charAt(0));
        }
    }
}
