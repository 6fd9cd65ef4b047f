package dev.tandem.emulator.soql;

/** A lexical token of a SOQL statement with its offset in the text. */
record Token(Kind kind, String text, int offset) {
    enum Kind { IDENT, STRING, NUMBER, DATE, DATETIME, COMMA, LPAREN, RPAREN, DOT, COLON, OP, EOF }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
    }
}
