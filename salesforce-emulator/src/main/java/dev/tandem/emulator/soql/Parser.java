package dev.tandem.emulator.soql;

import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.ids.SalesforceIds;
import dev.tandem.emulator.schema.ChildRelationship;
import dev.tandem.emulator.schema.FieldDef;
import dev.tandem.emulator.schema.FieldType;
import dev.tandem.emulator.schema.ObjectDef;
import dev.tandem.emulator.schema.Schema;
import dev.tandem.emulator.schema.Values;
import dev.tandem.emulator.soql.Ast.Cond;
import dev.tandem.emulator.soql.Ast.FieldPath;
import dev.tandem.emulator.soql.Ast.Query;
import dev.tandem.emulator.soql.Ast.SelectItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Recursive-descent parser for the SOQL subset, resolving names and typing literals against the schema. */
public final class Parser {
    private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE",
            "ORDER", "BY", "LIMIT", "OFFSET", "ASC", "DESC", "NULLS", "FIRST", "LAST", "TRUE", "FALSE", "NULL",
            "GROUP", "HAVING", "WITH", "FOR", "USING", "INCLUDES", "EXCLUDES");
    private static final int MAX_OFFSET = 2000;
    private static final int MAX_RELATIONSHIP_DEPTH = 5;

    private final String text;
    private final List<Token> tokens;
    private final Schema schema;
    private final LocalDate today;
    private int pos;
    private ChildRelationship lastChildRelationship;

    private Parser(String text, Schema schema, LocalDate today) {
        this.text = text;
        this.tokens = Lexer.tokenize(text);
        this.schema = schema;
        this.today = today;
    }

    /** Parses a full statement. Errors are Salesforce's MALFORMED_QUERY, INVALID_TYPE, INVALID_FIELD, ... */
    public static Query parse(String soql, Schema schema, LocalDate today) {
        if (soql == null || soql.isBlank()) {
            throw ApiException.malformedQuery("unexpected token: <EOF>");
        }
        Parser p = new Parser(soql, schema, today);
        Query q = p.query(null);
        p.expect(Token.Kind.EOF);
        return q;
    }

    private sealed interface RawItem permits RawField, RawCount, RawSub {
    }

    private record RawField(List<Token> parts) implements RawItem {
    }

    private record RawCount(List<Token> parts, String alias, Token at) implements RawItem {
    }

    private record RawSub(int start) implements RawItem {
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean acceptKeyword(String k) {
        if (peek().isKeyword(k)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectKeyword(String k) {
        if (!acceptKeyword(k)) {
            throw unexpected(peek());
        }
    }

    private Token expect(Token.Kind kind) {
        if (peek().kind() != kind) {
            throw unexpected(peek());
        }
        return next();
    }

    private ApiException unexpected(Token t) {
        return ApiException.malformedQuery("unexpected token: " + (t.kind() == Token.Kind.STRING ? "'" + t.text() + "'"
                : t.text()));
    }

    /** Builds Salesforce's positioned message: the offending line, a caret, row and column. */
    private String positioned(int offset, String message) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        if (offset == 0) {
            lineStart = 0;
        }
        int lineEnd = text.indexOf('\n', offset);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        int row = 1;
        for (int i = 0; i < lineStart; i++) {
            if (text.charAt(i) == '\n') {
                row++;
            }
        }
        int col = offset - lineStart + 1;
        return "\n" + line + "\n" + " ".repeat(col - 1) + "^\nERROR at Row:" + row + ":Column:" + col + "\n" + message;
    }

    private Query query(ObjectDef parent) {
        expectKeyword("SELECT");
        List<RawItem> raw = new ArrayList<>();
        do {
            raw.add(selectItem(parent != null));
        } while (peek().kind() == Token.Kind.COMMA && next() != null);
        expectKeyword("FROM");
        Token fromTok = expect(Token.Kind.IDENT);
        ObjectDef from;
        ChildRelationship childRel = null;
        if (parent == null) {
            from = schema.object(fromTok.text());
            if (from == null) {
                throw ApiException.badRequest("INVALID_TYPE", positioned(fromTok.offset(), "sObject type '"
                        + fromTok.text() + "' is not supported. If you are attempting to use a custom object, be sure"
                        + " to append the '__c' after the entity name. Please reference your WSDL or the describe call"
                        + " for the appropriate names."));
            }
        } else {
            childRel = schema.childRelationship(parent, fromTok.text());
            if (childRel == null) {
                throw ApiException.badRequest("INVALID_TYPE", positioned(fromTok.offset(), "Didn't understand"
                        + " relationship '" + fromTok.text() + "' in FROM part of query call. If you are attempting to"
                        + " use a custom relationship, be sure to append the '__r' after the custom relationship name."
                        + " Please reference your WSDL or the describe call for the appropriate names."));
            }
            from = schema.object(childRel.childObject());
            lastChildRelationship = childRel;
        }
        if (peek().kind() == Token.Kind.IDENT && !RESERVED.contains(peek().text().toUpperCase(Locale.ROOT))) {
            pos++; // an alias for the object; field paths may not use it in this subset
        }
        List<SelectItem> select = resolveSelect(from, raw);
        Cond where = null;
        if (acceptKeyword("WHERE")) {
            where = condition(from);
        }
        if (peek().isKeyword("GROUP") || peek().isKeyword("HAVING")) {
            throw unexpected(peek());
        }
        List<Ast.OrderItem> order = new ArrayList<>();
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY");
            do {
                FieldPath p = path(from, dottedTokens());
                boolean desc = false;
                if (acceptKeyword("DESC")) {
                    desc = true;
                } else {
                    acceptKeyword("ASC");
                }
                boolean nullsFirst = !desc;
                if (acceptKeyword("NULLS")) {
                    if (acceptKeyword("FIRST")) {
                        nullsFirst = true;
                    } else {
                        expectKeyword("LAST");
                        nullsFirst = false;
                    }
                }
                order.add(new Ast.OrderItem(p, desc, nullsFirst));
            } while (peek().kind() == Token.Kind.COMMA && next() != null);
        }
        Integer limit = null;
        Integer offset = null;
        if (acceptKeyword("LIMIT")) {
            limit = nonNegativeInt();
        }
        if (acceptKeyword("OFFSET")) {
            Token at = peek();
            offset = nonNegativeInt();
            if (offset > MAX_OFFSET) {
                throw ApiException.badRequest("NUMBER_OUTSIDE_VALID_RANGE", positioned(at.offset(),
                        "Maximum SOQL offset allowed is " + MAX_OFFSET));
            }
        }
        boolean countOnly = select.isEmpty();
        if (countOnly && !order.isEmpty()) {
            throw ApiException.malformedQuery("ORDER BY is not supported with COUNT()");
        }
        if (select.stream().anyMatch(s -> s instanceof Ast.CountItem)
                && select.stream().anyMatch(s -> !(s instanceof Ast.CountItem))) {
            throw ApiException.badRequest("MALFORMED_QUERY", "Field must be grouped or aggregated: "
                    + select.stream().filter(s -> s instanceof Ast.FieldItem).map(s -> ((Ast.FieldItem) s).path()
                    .dotted()).findFirst().orElse(""));
        }
        return new Query(from, select, where, order, limit, offset, countOnly);
    }

    private int nonNegativeInt() {
        Token t = expect(Token.Kind.NUMBER);
        try {
            int v = Integer.parseInt(t.text());
            if (v < 0) {
                throw unexpected(t);
            }
            return v;
        } catch (NumberFormatException e) {
            throw unexpected(t);
        }
    }

    private RawItem selectItem(boolean inSubquery) {
        Token t = peek();
        if (t.kind() == Token.Kind.LPAREN) {
            if (inSubquery) {
                throw unexpected(t);
            }
            next();
            int start = pos;
            int depth = 1;
            while (depth > 0) {
                Token x = next();
                if (x.kind() == Token.Kind.EOF) {
                    throw unexpected(x);
                }
                depth += x.kind() == Token.Kind.LPAREN ? 1 : x.kind() == Token.Kind.RPAREN ? -1 : 0;
            }
            return new RawSub(start);
        }
        if (t.kind() == Token.Kind.IDENT && t.text().equalsIgnoreCase("COUNT")
                && tokens.get(pos + 1).kind() == Token.Kind.LPAREN) {
            pos += 2;
            List<Token> parts = null;
            if (peek().kind() != Token.Kind.RPAREN) {
                parts = dottedTokens();
            }
            expect(Token.Kind.RPAREN);
            String alias = null;
            if (peek().kind() == Token.Kind.IDENT && !RESERVED.contains(peek().text().toUpperCase(Locale.ROOT))) {
                alias = next().text();
            }
            return new RawCount(parts, alias, t);
        }
        if (t.kind() != Token.Kind.IDENT || RESERVED.contains(t.text().toUpperCase(Locale.ROOT))) {
            throw unexpected(t);
        }
        return new RawField(dottedTokens());
    }

    private List<Token> dottedTokens() {
        List<Token> parts = new ArrayList<>();
        Token first = peek();
        if (first.kind() != Token.Kind.IDENT || RESERVED.contains(first.text().toUpperCase(Locale.ROOT))) {
            throw unexpected(first);
        }
        parts.add(next());
        while (peek().kind() == Token.Kind.DOT) {
            next();
            parts.add(expect(Token.Kind.IDENT));
        }
        return parts;
    }

    private List<SelectItem> resolveSelect(ObjectDef from, List<RawItem> raw) {
        List<SelectItem> out = new ArrayList<>();
        int expr = 0;
        boolean countAll = false;
        for (RawItem r : raw) {
            if (r instanceof RawField f) {
                out.add(new Ast.FieldItem(path(from, f.parts())));
            } else if (r instanceof RawCount c) {
                if (c.parts() == null) {
                    countAll = true;
                } else {
                    String alias = c.alias() != null ? c.alias() : "expr" + expr++;
                    out.add(new Ast.CountItem(path(from, c.parts()), alias));
                }
            } else if (r instanceof RawSub s) {
                int resume = pos;
                pos = s.start();
                Query sub = query(from);
                ChildRelationship rel = lastChildRelationship;
                expect(Token.Kind.RPAREN);
                pos = resume;
                out.add(new Ast.SubqueryItem(rel, sub));
            }
        }
        if (countAll && (raw.size() > 1)) {
            throw ApiException.malformedQuery("COUNT() must be the only element in the SELECT list");
        }
        return out;
    }

    /** Resolves a dotted field name against an object, following parent relationships. */
    private FieldPath path(ObjectDef from, List<Token> parts) {
        List<Token> p = new ArrayList<>(parts);
        if (p.size() > 1 && p.get(0).text().equalsIgnoreCase(from.name()) && from.relationship(p.get(0).text()) == null) {
            p.remove(0);
        }
        if (p.size() - 1 > MAX_RELATIONSHIP_DEPTH) {
            throw ApiException.malformedQuery("A field path can follow at most " + MAX_RELATIONSHIP_DEPTH
                    + " relationships");
        }
        List<FieldDef> hops = new ArrayList<>();
        ObjectDef current = from;
        for (int i = 0; i < p.size() - 1; i++) {
            FieldDef rel = current.relationship(p.get(i).text());
            if (rel == null) {
                throw ApiException.badRequest("INVALID_FIELD", positioned(p.get(0).offset(), "Didn't understand"
                        + " relationship '" + p.get(i).text() + "' in field path. If you are attempting to use a"
                        + " custom relationship, be sure to append the '__r' after the custom relationship name."
                        + " Please reference your WSDL or the describe call for the appropriate names."));
            }
            hops.add(rel);
            current = schema.object(rel.referenceTo().get(0));
        }
        Token last = p.get(p.size() - 1);
        FieldDef leaf = current.field(last.text());
        if (leaf == null) {
            throw ApiException.badRequest("INVALID_FIELD", positioned(parts.get(0).offset(), "No such column '"
                    + last.text() + "' on entity '" + current.name() + "'. If you are attempting to use a custom"
                    + " field, be sure to append the '__c' after the custom field name. Please reference your WSDL or"
                    + " the describe call for the appropriate names."));
        }
        return new FieldPath(hops, leaf);
    }

    private Cond condition(ObjectDef from) {
        Cond first = factor(from);
        if (peek().isKeyword("AND") || peek().isKeyword("OR")) {
            String op = peek().text().toUpperCase(Locale.ROOT);
            List<Cond> parts = new ArrayList<>();
            parts.add(first);
            while (acceptKeyword(op)) {
                parts.add(factor(from));
            }
            // SOQL needs parentheses to mix AND and OR.
            if (peek().isKeyword("AND") || peek().isKeyword("OR")) {
                throw unexpected(peek());
            }
            return op.equals("AND") ? new Ast.And(parts) : new Ast.Or(parts);
        }
        return first;
    }

    private Cond factor(ObjectDef from) {
        if (acceptKeyword("NOT")) {
            return new Ast.Not(factor(from));
        }
        if (peek().kind() == Token.Kind.LPAREN) {
            next();
            Cond c = condition(from);
            expect(Token.Kind.RPAREN);
            return c;
        }
        FieldPath p = path(from, dottedTokens());
        Token t = next();
        if (t.kind() == Token.Kind.OP) {
            Object v = literal(p.leaf(), next(), t.text());
            return new Ast.Compare(p, t.text(), v);
        }
        boolean negated = false;
        if (t.isKeyword("NOT")) {
            negated = true;
            t = next();
            if (!t.isKeyword("IN")) {
                throw unexpected(t);
            }
        }
        if (t.isKeyword("IN")) {
            expect(Token.Kind.LPAREN);
            if (peek().isKeyword("SELECT")) {
                return semiJoin(p, negated);
            }
            List<Object> values = new ArrayList<>();
            do {
                values.add(literal(p.leaf(), next(), "IN"));
            } while (peek().kind() == Token.Kind.COMMA && next() != null);
            expect(Token.Kind.RPAREN);
            return new Ast.In(p, values, negated);
        }
        if (t.isKeyword("LIKE")) {
            Token s = expect(Token.Kind.STRING);
            if (p.leaf().type().kind() != FieldType.Kind.TEXT || p.leaf().type().isIdValued()) {
                throw ApiException.badRequest("INVALID_QUERY_FILTER_OPERATOR", positioned(s.offset(),
                        "invalid operator on " + p.leaf().type().describeName() + " field: LIKE"));
            }
            return new Ast.Like(p, likePattern(s.text()));
        }
        throw unexpected(t);
    }

    private Cond semiJoin(FieldPath outer, boolean negated) {
        Token at = peek();
        Query inner = query(null);
        expect(Token.Kind.RPAREN);
        boolean oneIdField = inner.select().size() == 1 && inner.select().get(0) instanceof Ast.FieldItem f
                && f.path().leaf().type().isIdValued();
        if (!oneIdField || !outer.leaf().type().isIdValued()) {
            throw ApiException.malformedQuery(positioned(at.offset(), "Semi join sub-selects can select only one"
                    + " ID field, and the outer field must be an ID field"));
        }
        if (inner.where() != null && containsSemiJoin(inner.where())) {
            throw ApiException.malformedQuery(positioned(at.offset(), "Nesting of semi join sub-selects is not"
                    + " supported"));
        }
        return new Ast.InQuery(outer, inner, negated);
    }

    private static boolean containsSemiJoin(Cond c) {
        if (c instanceof Ast.InQuery) {
            return true;
        }
        if (c instanceof Ast.And a) {
            return a.parts().stream().anyMatch(Parser::containsSemiJoin);
        }
        if (c instanceof Ast.Or o) {
            return o.parts().stream().anyMatch(Parser::containsSemiJoin);
        }
        return c instanceof Ast.Not n && containsSemiJoin(n.inner());
    }

    static Pattern likePattern(String like) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                re.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /** Types a literal for comparison with a field, with Salesforce's complaints for mismatches. */
    private Object literal(FieldDef f, Token t, String op) {
        FieldType.Kind kind = f.type().kind();
        if (t.isKeyword("NULL")) {
            if (!(op.equals("=") || op.equals("!=") || op.equals("IN"))) {
                throw ApiException.badRequest("INVALID_QUERY_FILTER_OPERATOR", positioned(t.offset(),
                        "invalid operator on null: " + op));
            }
            return null;
        }
        switch (t.kind()) {
            case STRING:
                if (kind != FieldType.Kind.TEXT) {
                    throw typeMismatch(f, t, false);
                }
                if (f.type().isIdValued()) {
                    String id = SalesforceIds.normalize(t.text());
                    if (id == null) {
                        throw ApiException.badRequest("INVALID_QUERY_FILTER_OPERATOR", positioned(t.offset(),
                                "invalid ID field: " + t.text()));
                    }
                    return id;
                }
                return t.text();
            case NUMBER:
                if (kind != FieldType.Kind.NUMBER) {
                    throw typeMismatch(f, t, kind == FieldType.Kind.TEXT);
                }
                return Double.parseDouble(t.text());
            case DATE:
                if (kind != FieldType.Kind.DATE) {
                    throw typeMismatch(f, t, kind == FieldType.Kind.TEXT);
                }
                return Values.parseDate(t.text());
            case DATETIME:
                if (kind != FieldType.Kind.DATETIME) {
                    throw typeMismatch(f, t, kind == FieldType.Kind.TEXT);
                }
                return Values.parseDateTime(t.text());
            case IDENT:
                if (t.isKeyword("TRUE") || t.isKeyword("FALSE")) {
                    if (kind != FieldType.Kind.BOOLEAN) {
                        throw typeMismatch(f, t, kind == FieldType.Kind.TEXT);
                    }
                    return Boolean.parseBoolean(t.text().toLowerCase(Locale.ROOT));
                }
                int n = 0;
                if (DateLiterals.takesArgument(t.text())) {
                    expect(Token.Kind.COLON);
                    n = nonNegativeInt();
                }
                Ast.DateRange range = DateLiterals.range(t.text(), n, today);
                if (range == null) {
                    throw unexpected(t);
                }
                if (kind != FieldType.Kind.DATE && kind != FieldType.Kind.DATETIME) {
                    throw typeMismatch(f, t, kind == FieldType.Kind.TEXT);
                }
                return range;
            default:
                throw unexpected(t);
        }
    }

    private ApiException typeMismatch(FieldDef f, Token t, boolean wantsQuotes) {
        String type = switch (f.type().kind()) {
            case DATETIME -> "dateTime";
            case NUMBER -> f.type() == FieldType.INT ? "int" : "double";
            default -> f.type().kind() == FieldType.Kind.TEXT ? "string" : f.type().describeName();
        };
        return ApiException.badRequest("INVALID_QUERY_FILTER_OPERATOR", positioned(t.offset(),
                "value of filter criterion for field '" + f.name() + "' must be of type " + type + " and should "
                        + (wantsQuotes ? "" : "not ") + "be enclosed in quotes"));
    }
}
