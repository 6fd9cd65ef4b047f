package dev.tandem.server.sync.outbox;

import dev.tandem.core.membership.ChangeSource;
import dev.tandem.server.domain.membership.MembershipChange;
import dev.tandem.server.domain.membership.MembershipChangeListener;
import dev.tandem.server.sync.link.CampaignLinkStore;
import org.jdbi.v3.core.Handle;

/**
 * Turns every local membership change of a linked program into an outbox row, in the transaction of the change
 * itself, so a committed change always reaches Salesforce. Changes that came from Salesforce are already there.
 * Rows are written while campaign sync is paused too, so switching it back on pushes what happened meanwhile.
 */
public final class OutboxWriter implements MembershipChangeListener {

    private final OutboxStore outbox;
    private final CampaignLinkStore links;
    private final Runnable wakePusher;

    /** @param wakePusher run once the writing transaction commits, so the push starts within moments */
    public OutboxWriter(OutboxStore outbox, CampaignLinkStore links, Runnable wakePusher) {
        this.outbox = outbox;
        this.links = links;
        this.wakePusher = wakePusher;
    }

    @Override
    public void onChange(Handle tx, MembershipChange change) {
        if (change.source() == ChangeSource.SALESFORCE) {
            return;
        }
        if (links.byProgram(tx, change.programId()).isEmpty()) {
            return;
        }
        DesiredState desired = change.kind() == MembershipChange.Kind.REMOVED
                ? DesiredState.REMOVED : DesiredState.member(change.newStatus());
        outbox.append(tx, new MemberKey(change.programId(), change.personId()), desired, change.source().name(),
                change.occurredAt());
        tx.afterCommit(wakePusher);
    }
}
