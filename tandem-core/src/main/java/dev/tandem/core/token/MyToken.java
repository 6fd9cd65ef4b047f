package dev.tandem.core.token;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A program's "My Token": a name (referenced as {@code {{my.name}}}), a type and a value the type accepts. A date is
 * {@code yyyy-MM-dd}, a number a decimal, an sfdc campaign a Salesforce campaign id.
 */
public record MyToken(String name, TokenType type, String value) {

    /** Longest token name. */
    public static final int MAX_NAME = 100;
    /** Longest token value. */
    public static final int MAX_VALUE = 10_000;

    /**
     * @throws IllegalArgumentException starting with the field at fault
     */
    public MyToken {
        name = TokenText.checkName(name);
        if (type == null) {
            throw new IllegalArgumentException("type: required");
        }
        if (value == null) {
            throw new IllegalArgumentException("value: required");
        }
        if (value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("value: at most " + MAX_VALUE + " characters");
        }
        switch (type) {
            case DATE -> {
                try {
                    LocalDate.parse(value.trim());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("value: '" + value + "' is not a date such as 2026-12-01 "
                            + "(type date)");
                }
            }
            case NUMBER -> {
                try {
                    new BigDecimal(value.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("value: '" + value + "' is not a number (type number)");
                }
            }
            case SFDC_CAMPAIGN -> {
                String id = value.trim();
                if (!(id.startsWith("701") && (id.length() == 15 || id.length() == 18))) {
                    throw new IllegalArgumentException("value: '" + value + "' is not a Salesforce campaign id (15 "
                            + "or 18 characters starting with 701; type sfdc campaign)");
                }
            }
            case TEXT -> {
            }
        }
    }

    /** The reference that flow steps write, e.g. {@code {{my.Event Date}}}. */
    public String reference() {
        return TokenText.reference(name);
    }
}
