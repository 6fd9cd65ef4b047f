package dev.tandem.server.console;

import dev.tandem.core.token.MyToken;
import dev.tandem.core.token.TokenType;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A program's "My Tokens" panel: the tokens, and the add/replace form as typed with its errors by field
 * ({@code name}, {@code type}, {@code value}).
 */
public record TokenPanelView(List<MyToken> tokens, String name, String type, String value,
                             Map<String, String> errors) {

    public TokenPanelView {
        tokens = List.copyOf(tokens);
        errors = Map.copyOf(errors);
    }

    /** The panel with an empty form. */
    static TokenPanelView of(List<MyToken> tokens) {
        return new TokenPanelView(tokens, "", TokenType.TEXT.apiName(), "", Map.of());
    }

    /** The token types the form offers, by API name. */
    public List<String> types() {
        return Arrays.stream(TokenType.values()).map(TokenType::apiName).toList();
    }
}
