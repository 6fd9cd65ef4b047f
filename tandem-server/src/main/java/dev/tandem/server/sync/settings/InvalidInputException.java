package dev.tandem.server.sync.settings;

import java.util.List;
import java.util.stream.Collectors;

/** Input rejected as a whole, with every field problem found; nothing was saved. */
public final class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    /** Rejects with the given problems (at least one). */
    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::message).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("errors: at least one is required");
        }
        this.errors = List.copyOf(errors);
    }

    /** Rejects because of one problem. */
    public InvalidInputException(FieldError error) {
        this(List.of(error));
    }

    /** Every problem, in the order found. */
    public List<FieldError> errors() {
        return errors;
    }
}
