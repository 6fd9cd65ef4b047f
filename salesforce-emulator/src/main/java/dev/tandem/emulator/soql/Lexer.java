package dev.tandem.emulator.soql;

import dev.tandem.emulator.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits SOQL text into tokens; string literals are unescaped here. */
final class Lexer {
    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?![\\dT])");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Lexer() {
    }

    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '\'') {
                StringBuilder sb = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < s.length()) {
                    char d = s.charAt(i);
                    if (d == '\\' && i + 1 < s.length()) {
                        char e = s.charAt(i + 1);
                        switch (e) {
                            case 'n' -> sb.append('\n');
                            case 't' -> sb.append('\t');
                            case 'r' -> sb.append('\r');
                            case 'b' -> sb.append('\b');
                            case 'f' -> sb.append('\f');
                            case '\'', '"', '\\' -> sb.append(e);
                            // LIKE keeps its escaped wildcards; the LIKE matcher interprets them.
                            case '%', '_' -> sb.append('\\').append(e);
                            default -> throw ApiException.malformedQuery("Invalid string literal '" + s.substring(start,
                                    Math.min(s.length(), i + 2)) + "'. Illegal character sequence '\\" + e
                                    + "' in string literal.");
                        }
                        i += 2;
                    } else if (d == '\'') {
                        i++;
                        closed = true;
                        break;
                    } else {
                        sb.append(d);
                        i++;
                    }
                }
                if (!closed) {
                    throw ApiException.malformedQuery("unexpected token: '" + s.substring(start) + "'");
                }
                out.add(new Token(Token.Kind.STRING, sb.toString(), start));
                continue;
            }
            if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                Matcher m = DATETIME.matcher(s).region(i, s.length());
                if (m.lookingAt()) {
                    out.add(new Token(Token.Kind.DATETIME, m.group(), start));
                    i = m.end();
                    continue;
                }
                m = DATE.matcher(s).region(i, s.length());
                if (m.lookingAt()) {
                    out.add(new Token(Token.Kind.DATE, m.group(), start));
                    i = m.end();
                    continue;
                }
                m = NUMBER.matcher(s).region(i, s.length());
                if (m.lookingAt()) {
                    out.add(new Token(Token.Kind.NUMBER, m.group(), start));
                    i = m.end();
                    continue;
                }
            }
            if (Character.isLetter(c) || c == '_') {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Token.Kind.IDENT, s.substring(start, i), start));
                continue;
            }
            switch (c) {
                case ',' -> out.add(new Token(Token.Kind.COMMA, ",", start));
                case '(' -> out.add(new Token(Token.Kind.LPAREN, "(", start));
                case ')' -> out.add(new Token(Token.Kind.RPAREN, ")", start));
                case '.' -> out.add(new Token(Token.Kind.DOT, ".", start));
                case ':' -> out.add(new Token(Token.Kind.COLON, ":", start));
                case '=' -> out.add(new Token(Token.Kind.OP, "=", start));
                case '!' -> {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '=') {
                        out.add(new Token(Token.Kind.OP, "!=", start));
                        i++;
                    } else {
                        throw ApiException.malformedQuery("unexpected token: '!'");
                    }
                }
                case '<' -> {
                    if (i + 1 < s.length() && (s.charAt(i + 1) == '=' || s.charAt(i + 1) == '>')) {
                        out.add(new Token(Token.Kind.OP, s.charAt(i + 1) == '=' ? "<=" : "!=", start));
                        i++;
                    } else {
                        out.add(new Token(Token.Kind.OP, "<", start));
                    }
                }
                case '>' -> {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '=') {
                        out.add(new Token(Token.Kind.OP, ">=", start));
                        i++;
                    } else {
                        out.add(new Token(Token.Kind.OP, ">", start));
                    }
                }
                default -> throw ApiException.malformedQuery("unexpected token: '" + c + "'");
            }
            i++;
        }
        out.add(new Token(Token.Kind.EOF, "<EOF>", s.length()));
        return out;
    }
}
