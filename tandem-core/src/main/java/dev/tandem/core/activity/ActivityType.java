package dev.tandem.core.activity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.tandem.core.activity.AttributeSpec.bool;
import static dev.tandem.core.activity.AttributeSpec.datetime;
import static dev.tandem.core.activity.AttributeSpec.integer;
import static dev.tandem.core.activity.AttributeSpec.string;

/** The activity types Tandem writes, with Marketo's ids so API clients and triggers can filter on them. */
public enum ActivityType {
    NEW_LEAD(12, "New Lead", "New person created", null,
            List.of(string("Source Type"), string("Lead Source"), datetime("Created Date"))),
    CHANGE_DATA_VALUE(13, "Change Data Value", "A person field changed", integer("Attribute Name"),
            List.of(string("Old Value"), string("New Value"), string("Reason"), string("Source"))),
    SYNC_LEAD_TO_SFDC(19, "Sync Lead to SFDC", "Person created or updated in Salesforce", null,
            List.of(string("SFDC Type"), string("SFDC ID"), string("Assign To"), string("Reason"))),
    DELETE_LEAD(37, "Delete Lead", "Person deleted", null,
            List.of(bool("Remove from CRM"), string("Reason"))),
    ADD_TO_SFDC_CAMPAIGN(42, "Add to SFDC Campaign", "Person added to a Salesforce campaign", integer("Campaign"),
            List.of(string("Status"), string("Reason"), string("Source"))),
    REMOVE_FROM_SFDC_CAMPAIGN(43, "Remove from SFDC Campaign", "Person removed from a Salesforce campaign",
            integer("Campaign"), List.of(string("Status"), string("Reason"), string("Source"))),
    CHANGE_STATUS_IN_SFDC_CAMPAIGN(44, "Change Status in SFDC Campaign",
            "Person's status changed in a Salesforce campaign", integer("Campaign"),
            List.of(string("Old Status"), string("New Status"), string("Reason"), string("Source"))),
    REQUEST_CAMPAIGN(47, "Request Campaign", "Smart campaign requested for the person", integer("Campaign"),
            List.of(string("Source"))),
    CHANGE_STATUS_IN_PROGRESSION(104, "Change Status in Progression", "Person's program status changed",
            integer("Program"),
            List.of(string("Reason"), integer("Program Member ID"), bool("Acquired By"), string("Old Status"),
                    integer("Old Status ID"), string("New Status"), integer("New Status ID"), bool("Success")));

    private final int id;
    private final String displayName;
    private final String description;
    private final AttributeSpec primaryAttribute;
    private final List<AttributeSpec> attributes;

    ActivityType(int id, String displayName, String description, AttributeSpec primaryAttribute,
                 List<AttributeSpec> attributes) {
        this.id = id;
        this.displayName = displayName;
        this.description = description;
        this.primaryAttribute = primaryAttribute;
        this.attributes = attributes;
    }

    /** Marketo's activityTypeId. */
    public int id() {
        return id;
    }

    /** Marketo's name for the type, e.g. "Change Status in Progression". */
    public String displayName() {
        return displayName;
    }

    /** One-line description for the activity types listing. */
    public String description() {
        return description;
    }

    /** The primary attribute (what {@code primaryAttributeValueId} points at), if the type has one. */
    public Optional<AttributeSpec> primaryAttribute() {
        return Optional.ofNullable(primaryAttribute);
    }

    /** The secondary attributes, in the order they are written. */
    public List<AttributeSpec> attributes() {
        return attributes;
    }

    /** Whether an attribute of this name belongs to the type. */
    public boolean hasAttribute(String name) {
        return attributes.stream().anyMatch(a -> a.name().equals(name));
    }

    /** The type with this Marketo id. */
    public static Optional<ActivityType> byId(int id) {
        return Arrays.stream(values()).filter(t -> t.id == id).findFirst();
    }
}
