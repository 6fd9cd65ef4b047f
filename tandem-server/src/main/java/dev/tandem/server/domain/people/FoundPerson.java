package dev.tandem.server.domain.people;

import dev.tandem.core.person.Person;

/** A person found or created for a Salesforce record; {@code created} tells which. */
public record FoundPerson(Person person, boolean created) {
}
