package dev.tandem.server.sync.cycle;

import dev.tandem.server.sync.pull.CampaignMemberPoller;
import dev.tandem.server.sync.push.CampaignMemberPusher;
import dev.tandem.server.sync.reconcile.FullReconciler;

/** Tuning of the FLOW half of the campaign sync, with production defaults. */
public record FlowOptions(CampaignMemberPusher.Options push, CampaignMemberPoller.Options pull,
                          FullReconciler.Options reconcile, SyncJobs.Options jobs) {

    /** The defaults of every part. */
    public static final FlowOptions DEFAULT = new FlowOptions(CampaignMemberPusher.Options.DEFAULT,
            CampaignMemberPoller.Options.DEFAULT, FullReconciler.Options.DEFAULT, SyncJobs.Options.DEFAULT);

    /** The same options with other push tuning. */
    public FlowOptions withPush(CampaignMemberPusher.Options options) {
        return new FlowOptions(options, pull, reconcile, jobs);
    }

    /** The same options with other background timing. */
    public FlowOptions withJobs(SyncJobs.Options options) {
        return new FlowOptions(push, pull, reconcile, options);
    }
}
