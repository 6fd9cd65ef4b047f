package dev.tandem.server.domain.people;

import dev.tandem.server.domain.DomainException;

/** The field that identifies a person in writes ({@code lookupField}) and reads ({@code filterType}). */
public enum LookupField {
    EMAIL("email"),
    ID("id"),
    SFDC_ID("sfdcId");

    private final String apiName;

    LookupField(String apiName) {
        this.apiName = apiName;
    }

    /** The API spelling. */
    public String apiName() {
        return apiName;
    }

    /** Parses the API spelling; null means email, Marketo's default. */
    public static LookupField parse(String name) {
        if (name == null || name.isBlank()) {
            return EMAIL;
        }
        for (LookupField field : values()) {
            if (field.apiName.equals(name)) {
                return field;
            }
        }
        throw DomainException.invalid("lookupField: '" + name + "' is not one of email, id, sfdcId");
    }
}
