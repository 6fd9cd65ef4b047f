package dev.tandem.server.automation.token;

import dev.tandem.core.token.MyToken;
import dev.tandem.core.token.TokenText;
import dev.tandem.core.token.TokenType;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.domain.Timestamps;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.List;

/**
 * A program's "My Tokens" as users manage them (Marketo's folder token endpoints): list, create or replace, delete.
 * Each write is one transaction with the program row locked, so concurrent writes to one program serialise.
 */
public final class ProgramTokens {

    /** Most tokens one program may hold. */
    public static final int MAX_TOKENS = 200;

    private final Jdbi jdbi;
    private final Clock clock;
    private final ProgramTokenStore store = new ProgramTokenStore();

    public ProgramTokens(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The program's tokens, by name. */
    public List<MyToken> list(long programId) {
        return jdbi.withHandle(h -> {
            requireProgram(h, programId, false);
            return store.list(h, programId);
        });
    }

    /**
     * Creates or replaces a token; returns the program's tokens.
     *
     * @throws DomainException naming the field at fault
     */
    public List<MyToken> save(long programId, String name, String type, String value) {
        MyToken token = token(name, type, value);
        return jdbi.inTransaction(h -> {
            requireProgram(h, programId, true);
            List<MyToken> current = store.list(h, programId);
            boolean replaces = current.stream().anyMatch(t -> TokenText.key(t.name()).equals(TokenText.key(name)));
            if (!replaces && current.size() >= MAX_TOKENS) {
                throw DomainException.invalid("name: program " + programId + " already has " + MAX_TOKENS
                        + " tokens, the most one program may hold");
            }
            store.save(h, programId, token, Timestamps.now(clock));
            return store.list(h, programId);
        });
    }

    /** Deletes the token of that name and type. */
    public void delete(long programId, String name, String type) {
        String bare = bareName(name);
        TokenType tokenType = type(type);
        jdbi.useTransaction(h -> {
            requireProgram(h, programId, true);
            if (!store.delete(h, programId, bare, tokenType)) {
                throw DomainException.notFound("name: program " + programId + " has no " + tokenType.apiName()
                        + " token named '" + bare + "'");
            }
        });
    }

    private static MyToken token(String name, String type, String value) {
        String bare = bareName(name);
        TokenType tokenType = type(type);
        if (value == null) {
            throw DomainException.blank("value");
        }
        try {
            return new MyToken(bare, tokenType, value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(e.getMessage());
        }
    }

    private static String bareName(String name) {
        if (name == null || name.isBlank()) {
            throw DomainException.blank("name");
        }
        try {
            return TokenText.nameOf(name);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(e.getMessage());
        }
    }

    private static TokenType type(String type) {
        if (type == null || type.isBlank()) {
            throw DomainException.blank("type");
        }
        try {
            return TokenType.parse(type);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(e.getMessage());
        }
    }

    private static void requireProgram(Handle h, long programId, boolean lock) {
        boolean found = h.createQuery("SELECT id FROM programs WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
                .bind("id", programId).mapTo(Long.class).findOne().isPresent();
        if (!found) {
            throw DomainException.notFound("id: no program with id " + programId);
        }
    }
}
