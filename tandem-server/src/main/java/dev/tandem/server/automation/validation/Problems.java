package dev.tandem.server.automation.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one document so a caller sees all of them at once. */
public final class Problems {

    private final List<RuleError> errors = new ArrayList<>();

    /** Records a problem at {@code path}. */
    public void add(String path, String message) {
        errors.add(new RuleError(path, message));
    }

    /** How many problems were recorded so far. */
    public int count() {
        return errors.size();
    }

    /** Throws {@link InvalidCampaignException} when anything was recorded. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidCampaignException(errors);
        }
    }
}
