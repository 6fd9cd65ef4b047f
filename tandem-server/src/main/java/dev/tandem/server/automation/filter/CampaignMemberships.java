package dev.tandem.server.automation.filter;

import org.jdbi.v3.core.Handle;

import java.util.Collection;
import java.util.Map;

/** Where the engine reads people's current Salesforce campaign memberships from. */
@FunctionalInterface
public interface CampaignMemberships {

    /** For each person (absent when none), campaign key ({@code SfdcCampaignIds.key}) → member status. */
    Map<Long, Map<String, String>> statuses(Handle h, Collection<Long> personIds);
}
