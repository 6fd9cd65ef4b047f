package dev.tandem.server.domain.activity;

import dev.tandem.core.activity.Activity;
import org.jdbi.v3.core.Handle;

/**
 * Told of every appended activity inside the appending transaction, so it can write its own rows (e.g. the
 * trigger queue) atomically with the activity. It must not make network calls; throwing rolls back the write.
 */
@FunctionalInterface
public interface ActivityListener {

    /** Called after the activity is stored, with its id set. */
    void onAppended(Handle tx, Activity activity);
}
