package dev.tandem.core.person;

import java.time.Instant;

/**
 * A person (Marketo "lead") in the marketing database. {@code sfdcType} and {@code sfdcId} are null until the
 * person is synced to Salesforce; the acquisition fields are set once, by the program that brought them in.
 */
public record Person(long id, String email, String firstName, String lastName, String company, String title,
                     String phone, SfdcType sfdcType, String sfdcId, boolean sfdcIsDeleted,
                     Long acquisitionProgramId, Instant acquisitionDate, Instant createdAt, Instant updatedAt) {

    public Person {
        if (sfdcId != null && sfdcType == null) {
            throw new IllegalArgumentException("sfdcType: must be set when sfdcId is set");
        }
    }

    /** Whether the person has been acquired by some program already. */
    public boolean isAcquired() {
        return acquisitionProgramId != null;
    }
}
