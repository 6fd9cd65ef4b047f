package dev.tandem.server.sync.campaign;

import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.preflight.Diagnosis;
import dev.tandem.server.sync.diagnosis.Prerequisites;
import dev.tandem.server.sync.diagnosis.SyncDiagnosis;
import dev.tandem.server.sync.link.CampaignLinkStore;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The campaign picker. When a prerequisite fails (sync off, no or broken connection, sync user not a Marketing
 * User), or Salesforce refuses the listing itself, it lists nothing, as Marketo does, and says what failed and how
 * to fix it.
 */
public final class CampaignDirectory {

    /** Most campaigns one listing returns; narrow with a name filter. */
    public static final int MAX_CAMPAIGNS = 200;

    private final Jdbi jdbi;
    private final CampaignLinkStore links;
    private final SyncDiagnosis diagnosis;
    private final Supplier<Optional<CampaignGateway>> gateways;

    /** A directory of the stored connection's campaigns. */
    public CampaignDirectory(Jdbi jdbi, CampaignLinkStore links, SyncDiagnosis diagnosis,
                             Supplier<Optional<CampaignGateway>> gateways) {
        this.jdbi = jdbi;
        this.links = links;
        this.diagnosis = diagnosis;
        this.gateways = gateways;
    }

    /** One campaign as the picker shows it; {@code programId} is set when a program already links it. */
    public record Entry(String id, String name, String type, String status, long memberCount, List<String> statuses,
                        Long programId) {
    }

    /** The listing, and the failed prerequisites that emptied it. */
    public record Listing(List<Entry> campaigns, List<Diagnosis> failedPrerequisites) {
    }

    /** Campaigns whose name contains {@code name} (all when blank), by name. */
    public Listing list(String name) {
        Prerequisites prerequisites = diagnosis.prerequisites();
        Optional<CampaignGateway> gateway = gateways.get();
        if (!prerequisites.ok() || gateway.isEmpty()) {
            return new Listing(List.of(), prerequisites.failed());
        }
        List<SalesforceCampaign> found;
        try {
            found = gateway.get().search(name, MAX_CAMPAIGNS);
        } catch (SalesforceException e) {
            // The picker shows nothing rather than an error, and says why (as for a failed prerequisite).
            return new Listing(List.of(), List.of(new Diagnosis("campaign-access", false, "Salesforce refused to"
                    + " list campaigns: " + e.errorCode() + " " + e.errorMessage(), "Check the sync user's access to"
                    + " Campaign and CampaignMemberStatus; GET /rest/tandem/v1/salesforce/diagnosis.json tells more")));
        }
        Map<String, Long> linked = jdbi.withHandle(h -> links.programsOf(h,
                found.stream().map(SalesforceCampaign::id).toList()));
        return new Listing(found.stream().map(c -> new Entry(c.id(), c.name(), c.type(), c.status(), c.memberCount(),
                c.labels(), linked.get(c.id()))).toList(), List.of());
    }
}
