package dev.tandem.core.person;

/** Which Salesforce object a person is synced to. */
public enum SfdcType {
    LEAD("Lead"),
    CONTACT("Contact");

    private final String apiName;

    SfdcType(String apiName) {
        this.apiName = apiName;
    }

    /** The Salesforce object name, as Marketo shows it in {@code sfdcType}. */
    public String apiName() {
        return apiName;
    }
}
