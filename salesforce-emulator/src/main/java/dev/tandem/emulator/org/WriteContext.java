package dev.tandem.emulator.org;

import dev.tandem.emulator.store.Tx;
import java.time.Instant;

/** Who writes, under which undo log, and the (whole-second) instant all of the write's timestamps carry. */
public record WriteContext(Principal principal, Tx tx, Instant now) {
}
