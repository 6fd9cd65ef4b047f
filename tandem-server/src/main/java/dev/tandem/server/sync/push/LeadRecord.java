package dev.tandem.server.sync.push;

import dev.tandem.core.activity.Activity;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.core.person.Person;
import dev.tandem.server.sync.settings.SyncSettings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Lead Tandem creates for a program member Salesforce does not know, and the activity that records it. */
public final class LeadRecord {

    private LeadRecord() {
    }

    /** The Lead's fields; LastName and Company, which Salesforce requires, default from the sync settings. */
    public static Map<String, Object> of(Person person, SyncSettings settings) {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("LastName", blankTo(person.lastName(), settings.defaultLeadLastName()));
        lead.put("Company", blankTo(person.company(), settings.defaultLeadCompany()));
        if (person.firstName() != null) {
            lead.put("FirstName", person.firstName());
        }
        if (person.email() != null) {
            lead.put("Email", person.email());
        }
        return lead;
    }

    /** "Sync Lead to SFDC" for a person now linked to the Lead {@code leadId}, not yet written. */
    public static Activity syncActivity(long personId, String leadId, Instant at) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("SFDC Type", "Lead");
        attributes.put("SFDC ID", leadId);
        attributes.put("Reason", "Program member synced to a Salesforce campaign");
        return Activity.of(personId, at, ActivityType.SYNC_LEAD_TO_SFDC, null, null, null, attributes);
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
