package dev.tandem.server.console;

import dev.tandem.core.token.TokenText;
import dev.tandem.server.automation.token.ProgramTokens;
import dev.tandem.server.console.auth.Flash;
import dev.tandem.server.console.web.ConsoleRequest;
import dev.tandem.server.console.web.FieldMessage;
import dev.tandem.server.domain.DomainException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A program's "My Tokens" panel and its forms (add or replace, delete). Validation is the REST endpoints' own:
 * {@link ProgramTokens} decides, and its refusal is shown next to the field it names.
 */
final class TokenPanel {

    private static final List<String> FIELDS = List.of("name", "type", "value");

    private final ProgramTokens tokens;

    TokenPanel(ProgramTokens tokens) {
        this.tokens = tokens;
    }

    /** The panel with an empty form. */
    TokenPanelView view(long programId) {
        return TokenPanelView.of(tokens.list(programId));
    }

    /**
     * Creates or replaces the token the form describes and redirects to the program; when the token is refused,
     * returns the panel to show again with the form as typed and the problem by field.
     */
    Optional<TokenPanelView> save(ConsoleRequest request, long programId) {
        String name = request.form("name");
        String type = request.form("type");
        String value = request.form("value");
        try {
            tokens.save(programId, name, type, value);
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID) {
                throw e;
            }
            FieldMessage error = FieldMessage.parse(e.getMessage(), FIELDS, "name");
            return Optional.of(new TokenPanelView(tokens.list(programId), orEmpty(name), orEmpty(type),
                    orEmpty(value), Map.of(error.field(), error.problem())));
        }
        request.redirect("/programs/" + programId + "#tokens",
                Flash.success("Token " + TokenText.reference(TokenText.nameOf(name)) + " saved."));
        return Optional.empty();
    }

    /** Deletes the token the form names and redirects to the program. */
    void delete(ConsoleRequest request, long programId) {
        String name = request.form("name");
        tokens.delete(programId, name, request.form("type"));
        request.redirect("/programs/" + programId + "#tokens",
                Flash.success("Token " + TokenText.reference(TokenText.nameOf(name)) + " deleted."));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
