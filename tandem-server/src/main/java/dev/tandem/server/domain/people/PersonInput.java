package dev.tandem.server.domain.people;

import dev.tandem.core.person.PersonFields;

/** One record of a person write: the id (used when looking up by id) and the fields to write. */
public record PersonInput(Long id, PersonFields fields) {

    public PersonInput {
        fields = fields == null ? new PersonFields(null, null, null, null, null, null, null, null) : fields;
    }

    /** A record without id. */
    public static PersonInput of(PersonFields fields) {
        return new PersonInput(null, fields);
    }
}
