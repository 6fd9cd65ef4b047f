package dev.tandem.salesforce.preflight;

import java.util.List;

/** The parts of a field's describe that a sync needs. */
public record FieldDescribe(String name, String type, boolean createable, boolean updateable, boolean nillable,
                            boolean externalId, int length, List<String> picklistValues, List<String> referenceTo) {
    public FieldDescribe {
        picklistValues = List.copyOf(picklistValues);
        referenceTo = List.copyOf(referenceTo);
    }
}
