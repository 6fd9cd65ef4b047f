package dev.tandem.server.automation.validation;

/**
 * One problem in a smart campaign document: {@code path} names the rule and field (e.g.
 * {@code triggers[0].campaigns}), {@code message} says what is wrong and how to fix it.
 */
public record RuleError(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
