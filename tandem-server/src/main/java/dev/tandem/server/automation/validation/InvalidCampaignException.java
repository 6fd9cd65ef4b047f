package dev.tandem.server.automation.validation;

import java.util.List;
import java.util.stream.Collectors;

/** A smart campaign document refused as a whole; nothing of it was saved. */
public final class InvalidCampaignException extends RuntimeException {

    private final List<RuleError> errors;

    public InvalidCampaignException(List<RuleError> errors) {
        super(errors.stream().map(RuleError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    /** Every problem found, in document order. */
    public List<RuleError> errors() {
        return errors;
    }
}
