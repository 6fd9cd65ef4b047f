package dev.tandem.server.sync.outbox;

/** Identifies one program member: the unit the sync coalesces, mirrors and reports on. */
public record MemberKey(long programId, long personId) {
}
