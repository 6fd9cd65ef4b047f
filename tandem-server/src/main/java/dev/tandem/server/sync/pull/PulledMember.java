package dev.tandem.server.sync.pull;

import java.time.Instant;

/**
 * One CampaignMember row read from Salesforce, with the parent Lead/Contact fields needed to create an unknown
 * person. Exactly one of {@code leadId} and {@code contactId} is used: the Contact wins when both are set,
 * because Salesforce keeps the membership on the Contact after a lead conversion.
 */
public record PulledMember(String id, String campaignId, String leadId, String contactId, String status,
                           Instant systemModstamp, boolean deleted, String email, String firstName, String lastName,
                           String company) {

    /** The Salesforce id of the person this membership belongs to. */
    public String personSfId() {
        return contactId != null ? contactId : leadId;
    }

    /** Whether the person is a Contact (otherwise a Lead). */
    public boolean isContact() {
        return contactId != null;
    }
}
