package dev.tandem.server.automation.model;

import dev.tandem.core.person.Person;

import java.util.Locale;

/** The person fields a filter can test. */
public enum PersonAttribute {
    EMAIL("email"), FIRST_NAME("firstName"), LAST_NAME("lastName"), COMPANY("company"), SFDC_TYPE("sfdcType");

    private final String apiName;

    PersonAttribute(String apiName) {
        this.apiName = apiName;
    }

    /** The field name in documents, as the leads API names it. */
    public String apiName() {
        return apiName;
    }

    /** The person's value of this field ("Lead"/"Contact"/null for the Salesforce type). */
    public String valueOf(Person person) {
        return switch (this) {
            case EMAIL -> person.email();
            case FIRST_NAME -> person.firstName();
            case LAST_NAME -> person.lastName();
            case COMPANY -> person.company();
            case SFDC_TYPE -> person.sfdcType() == null ? null : person.sfdcType().apiName();
        };
    }

    /** Parses an API name, ignoring case. */
    public static PersonAttribute parse(String value) {
        for (PersonAttribute a : values()) {
            if (a.apiName.toLowerCase(Locale.ROOT).equals(value == null ? "" : value.trim().toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a person attribute (email, firstName, lastName, "
                + "company, sfdcType)");
    }
}
