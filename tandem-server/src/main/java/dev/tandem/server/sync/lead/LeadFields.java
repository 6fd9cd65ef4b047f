package dev.tandem.server.sync.lead;

import dev.tandem.core.person.Person;
import dev.tandem.server.sync.settings.SyncSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a new Lead is created with: the person's own, with LastName and Company taken from the sync
 * settings when the person has none (Salesforce requires both).
 */
public record LeadFields(String email, String firstName, String lastName, String company) {

    /** The Lead values for {@code person} under the defaults of {@code settings}. */
    public static LeadFields of(Person person, SyncSettings settings) {
        return new LeadFields(blankToNull(person.email()), blankToNull(person.firstName()),
                orDefault(person.lastName(), settings.defaultLeadLastName()),
                orDefault(person.company(), settings.defaultLeadCompany()));
    }

    /** The Lead record to insert, owned by {@code ownerId} when given (else Salesforce's assignment rules decide). */
    public Map<String, Object> record(String ownerId) {
        Map<String, Object> record = new LinkedHashMap<>();
        if (ownerId != null) {
            record.put("OwnerId", ownerId);
        }
        record.put("LastName", lastName);
        record.put("Company", company);
        if (firstName != null) {
            record.put("FirstName", firstName);
        }
        if (email != null) {
            record.put("Email", email);
        }
        return record;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
