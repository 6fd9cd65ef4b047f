package dev.tandem.core.token;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of program "My Tokens" Tandem keeps, by Marketo's API names. */
public enum TokenType {
    TEXT("text"), DATE("date"), NUMBER("number"), SFDC_CAMPAIGN("sfdc campaign");

    private final String apiName;

    TokenType(String apiName) {
        this.apiName = apiName;
    }

    /** The name Marketo's token endpoints use, e.g. "sfdc campaign". */
    public String apiName() {
        return apiName;
    }

    /**
     * Parses an API name, ignoring case.
     *
     * @throws IllegalArgumentException listing the known types
     */
    public static TokenType parse(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (TokenType t : values()) {
            if (t.apiName.equals(wanted)) {
                return t;
            }
        }
        throw new IllegalArgumentException("type: '" + value + "' is not a token type (known: "
                + Arrays.stream(values()).map(TokenType::apiName).collect(Collectors.joining(", ")) + ")");
    }
}
