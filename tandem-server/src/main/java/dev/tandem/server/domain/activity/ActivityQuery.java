package dev.tandem.server.domain.activity;

import java.util.Set;

/** Which activities to read: empty sets mean any type / any person. */
public record ActivityQuery(Set<Integer> typeIds, Set<Long> personIds) {

    public ActivityQuery {
        typeIds = typeIds == null ? Set.of() : Set.copyOf(typeIds);
        personIds = personIds == null ? Set.of() : Set.copyOf(personIds);
    }

    /** Every activity. */
    public static ActivityQuery all() {
        return new ActivityQuery(Set.of(), Set.of());
    }

    /** Activities of these types. */
    public static ActivityQuery ofTypes(Set<Integer> typeIds) {
        return new ActivityQuery(typeIds, Set.of());
    }
}
