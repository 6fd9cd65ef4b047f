package dev.tandem.server.domain.people;

import dev.tandem.server.domain.DomainException;

/** How a person write treats an existing match, as Marketo's {@code action} parameter. */
public enum SyncAction {
    CREATE_OR_UPDATE("createOrUpdate"),
    CREATE_ONLY("createOnly"),
    UPDATE_ONLY("updateOnly"),
    CREATE_DUPLICATE("createDuplicate");

    private final String apiName;

    SyncAction(String apiName) {
        this.apiName = apiName;
    }

    /** Marketo's spelling. */
    public String apiName() {
        return apiName;
    }

    /** Parses Marketo's spelling; null means the default, createOrUpdate. */
    public static SyncAction parse(String name) {
        if (name == null || name.isBlank()) {
            return CREATE_OR_UPDATE;
        }
        for (SyncAction action : values()) {
            if (action.apiName.equals(name)) {
                return action;
            }
        }
        throw DomainException.invalid("action: '" + name
                + "' is not one of createOrUpdate, createOnly, updateOnly, createDuplicate");
    }
}
