package dev.tandem.server.domain.programs;

import dev.tandem.core.program.Program;

import java.time.Instant;

/** A program as it was and as it is after one write: {@code before} is null on creation, {@code after} on deletion. */
public record ProgramChange(Program before, Program after, Instant occurredAt) {

    /** The program was just created. */
    public boolean isCreation() {
        return before == null;
    }

    /** The program was deleted. */
    public boolean isDeletion() {
        return after == null;
    }

    /** The cost total changed (what Salesforce holds as the campaign's ActualCost). */
    public boolean costTotalChanged() {
        long old = before == null ? 0 : before.costs().total();
        long now = after == null ? 0 : after.costs().total();
        return old != now || (before == null) != (after == null);
    }

    /** The linked Salesforce campaign changed (linked, unlinked or relinked). */
    public boolean linkChanged() {
        String old = before == null ? null : before.sfdcCampaignId();
        String now = after == null ? null : after.sfdcCampaignId();
        return old == null ? now != null : !old.equals(now);
    }

    /** The program id. */
    public long programId() {
        return before != null ? before.id() : after.id();
    }
}
