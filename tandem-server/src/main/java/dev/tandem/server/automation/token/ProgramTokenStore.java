package dev.tandem.server.automation.token;

import dev.tandem.core.token.MyToken;
import dev.tandem.core.token.TokenText;
import dev.tandem.core.token.TokenType;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL over {@code program_tokens}; caller's transaction. */
public final class ProgramTokenStore {

    /** A program's tokens by name, ignoring case. */
    public List<MyToken> list(Handle h, long programId) {
        return h.createQuery("SELECT name, token_type, token_value FROM program_tokens WHERE program_id = :p "
                        + "ORDER BY name_key")
                .bind("p", programId)
                .map((rs, ctx) -> new MyToken(rs.getString("name"), TokenType.parse(rs.getString("token_type")),
                        rs.getString("token_value")))
                .list();
    }

    /** A program's token values keyed by {@link TokenText#key(String)}. */
    public Map<String, String> values(Handle h, long programId) {
        Map<String, String> values = new LinkedHashMap<>();
        list(h, programId).forEach(t -> values.put(TokenText.key(t.name()), t.value()));
        return values;
    }

    /** Creates or replaces the token of that name (ignoring case). */
    public void save(Handle h, long programId, MyToken token, Instant now) {
        int updated = h.createUpdate("UPDATE program_tokens SET name = :name, token_type = :type, token_value = :value, "
                        + "updated_at = :now WHERE program_id = :p AND name_key = :key")
                .bind("p", programId).bind("key", TokenText.key(token.name())).bind("name", token.name())
                .bind("type", token.type().apiName()).bind("value", token.value()).bind("now", now).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO program_tokens (program_id, name_key, name, token_type, token_value, "
                            + "updated_at) VALUES (:p, :key, :name, :type, :value, :now)")
                    .bind("p", programId).bind("key", TokenText.key(token.name())).bind("name", token.name())
                    .bind("type", token.type().apiName()).bind("value", token.value()).bind("now", now).execute();
        }
    }

    /** Deletes the token of that name and type; false when there was none. */
    public boolean delete(Handle h, long programId, String name, TokenType type) {
        return h.createUpdate("DELETE FROM program_tokens WHERE program_id = :p AND name_key = :key AND token_type = :type")
                .bind("p", programId).bind("key", TokenText.key(name)).bind("type", type.apiName()).execute() > 0;
    }
}
