package dev.tandem.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.core.program.PeriodCost;
import dev.tandem.core.program.ProgramType;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's sample data, the same on every run: people, programs with costs and members on Tandem's side, and on
 * the emulator's side Leads, campaigns, their member statuses and members. The emulator mints ids from a counter,
 * so seeding the same records in the same order into a fresh emulator gives the same ids again; that is what lets
 * a second run on the same data directory find Salesforce as the first run left it.
 */
final class DemoData {
    /** How many people the demo creates. */
    static final int PEOPLE = 300;
    /** The first this-many people exist as Leads in Salesforce from the start; the rest are Tandem-only. */
    static final int PEOPLE_IN_SALESFORCE = 240;

    /** The program the demo links (its campaign agrees with it after one sync). */
    static final String LINKED_PROGRAM = "Spring Webinar 2026";
    /** Its campaign. */
    static final String LINKED_CAMPAIGN = "Spring Webinar 2026";
    /** Members of the linked campaign that only Salesforce has at first (the sync brings them to Tandem). */
    static final int SALESFORCE_ONLY_MEMBERS = 15;
    /** The program whose campaign uses statuses its channel lacks (the status-matching walk-through). */
    static final String MISMATCHED_PROGRAM = "Customer Roadshow Berlin";
    /** That campaign. */
    static final String MISMATCHED_CAMPAIGN = "Roadshow Berlin (imported)";

    private static final String[] FIRST = {"Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines",
            "Jonas", "Kemi", "Liam", "Maya", "Noor", "Oscar", "Priya", "Quinn", "Rosa", "Sami", "Tara"};
    private static final String[] LAST = {"Lovelace", "Okafor", "Martin", "Patel", "Rossi", "Haddad", "Hopper",
            "Tanaka", "Silva", "Berg", "Adeyemi", "Murphy", "Cohen", "Khan", "Novak"};
    private static final String[] COMPANIES = {"Acme Analytics", "Globex", "Initech", "Umbrella Health",
            "Stark Logistics", "Wayne Foods", "Hooli", "Vandelay Imports", "Soylent Labs", "Tyrell Systems"};
    private static final String[] TITLES = {"Marketing Manager", "VP Sales", "Data Analyst", "CTO",
            "Operations Lead", "Product Manager"};

    private DemoData() {
    }

    /** A sample person. */
    record DemoPerson(int index, String email, String firstName, String lastName, String company, String title) {
    }

    /** A sample program and who is in it with which status. */
    record DemoProgram(String name, String description, ProgramType type, String channel, List<PeriodCost> costs,
                       List<Member> members) {
    }

    /** One member of a program or campaign, by person index. */
    record Member(int person, String status) {
    }

    /** Every sample person, by index. */
    static List<DemoPerson> people() {
        List<DemoPerson> people = new ArrayList<>(PEOPLE);
        for (int i = 0; i < PEOPLE; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i / FIRST.length) % LAST.length];
            String company = COMPANIES[(i * 7) % COMPANIES.length];
            String domain = company.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + ".example";
            people.add(new DemoPerson(i, (first + "." + last + i + "@" + domain).toLowerCase(Locale.ROOT), first,
                    last, company, TITLES[i % TITLES.length]));
        }
        return people;
    }

    /** Every sample program with its members. */
    static List<DemoProgram> programs() {
        return List.of(
                new DemoProgram(LINKED_PROGRAM, "Live webinar on pipeline analytics, with on-demand replay.",
                        ProgramType.EVENT, "Webinar",
                        List.of(cost(2026, 2, 4000), cost(2026, 3, 2500)),
                        members(0, 60, "Registered", "Attended", "No Show", "Attended", "Member")),
                new DemoProgram(MISMATCHED_PROGRAM, "Half-day seminar for customers in Berlin.",
                        ProgramType.EVENT, "Seminar", List.of(cost(2026, 4, 12000)),
                        members(100, 112, "Registered")),
                new DemoProgram("SaaStr Booth 2026", "Booth, badge scans and follow-up.", ProgramType.EVENT,
                        "Tradeshow", List.of(cost(2026, 3, 18000), cost(2026, 4, 2000)),
                        members(120, 180, "Member", "Visited Booth", "Engaged")),
                new DemoProgram("Monthly Newsletter", "The customer newsletter.", ProgramType.EMAIL, "Email Send",
                        List.of(), members(0, 150, "Member", "Member", "Engaged")),
                new DemoProgram("Q2 Retargeting Ads", "Display retargeting for webinar no-shows.", ProgramType.DEFAULT,
                        "Online Advertising", List.of(cost(2026, 4, 3000), cost(2026, 5, 3000)),
                        members(180, 230, "Member", "Engaged")),
                new DemoProgram("Product Tour Content", "Gated product tour video.", ProgramType.DEFAULT, "Content",
                        List.of(cost(2026, 1, 1500)), members(230, 300, "Member", "Engaged")));
    }

    /**
     * The emulator's records in the control plane's seed format: Leads for the first people, the linked webinar's
     * campaign (its members are the program's plus some only Salesforce knows), the mismatched roadshow campaign,
     * and two campaigns without members to link new programs to.
     */
    static String salesforceSeed(ObjectMapper json) {
        ObjectNode seed = json.createObjectNode();
        ArrayNode leads = seed.putArray("Lead");
        for (DemoPerson person : people().subList(0, PEOPLE_IN_SALESFORCE)) {
            ObjectNode lead = leads.addObject();
            lead.putObject("attributes").put("referenceId", "lead" + person.index());
            lead.put("FirstName", person.firstName()).put("LastName", person.lastName())
                    .put("Company", person.company()).put("Email", person.email()).put("Title", person.title());
        }
        ArrayNode campaigns = seed.putArray("Campaign");
        campaign(campaigns, "webinar", LINKED_CAMPAIGN, "Webinar", "In Progress");
        campaign(campaigns, "roadshow", MISMATCHED_CAMPAIGN, "Seminar", "Completed");
        campaign(campaigns, "tradeshow", "Trade Show Leads 2026", "Tradeshow", "Planned");
        campaign(campaigns, "nurture", "Nurture - Enterprise", "Nurture", "In Progress");
        ArrayNode statuses = seed.putArray("CampaignMemberStatus");
        status(statuses, "webinar", "Member", 3, false);
        status(statuses, "webinar", "Registered", 4, false);
        status(statuses, "webinar", "No Show", 5, false);
        status(statuses, "webinar", "Attended", 6, true);
        status(statuses, "webinar", "Attended On-Demand", 7, true);
        status(statuses, "roadshow", "Registered", 3, false);
        status(statuses, "roadshow", "Attended - Virtual", 4, true);
        status(statuses, "roadshow", "Waitlisted", 5, false);
        ArrayNode members = seed.putArray("CampaignMember");
        DemoProgram webinar = programs().get(0);
        webinar.members().forEach(m -> member(members, "webinar", m));
        members(200, 200 + SALESFORCE_ONLY_MEMBERS, "Registered").forEach(m -> member(members, "webinar", m));
        members(100, 110, "Registered").forEach(m -> member(members, "roadshow", m));
        members(110, 119, "Attended - Virtual").forEach(m -> member(members, "roadshow", m));
        members(119, 123, "Waitlisted").forEach(m -> member(members, "roadshow", m));
        return seed.toString();
    }

    private static void campaign(ArrayNode campaigns, String ref, String name, String type, String status) {
        ObjectNode campaign = campaigns.addObject();
        campaign.putObject("attributes").put("referenceId", ref);
        campaign.put("Name", name).put("Type", type).put("Status", status).put("IsActive", true);
    }

    private static void status(ArrayNode statuses, String campaign, String label, int order, boolean responded) {
        statuses.addObject().put("CampaignId", "@{" + campaign + "}").put("Label", label).put("SortOrder", order)
                .put("HasResponded", responded);
    }

    private static void member(ArrayNode members, String campaign, Member member) {
        members.addObject().put("CampaignId", "@{" + campaign + "}").put("LeadId", "@{lead" + member.person() + "}")
                .put("Status", member.status());
    }

    private static List<Member> members(int from, int to, String... statuses) {
        List<Member> members = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            members.add(new Member(i, statuses[(i - from) % statuses.length]));
        }
        return members;
    }

    private static PeriodCost cost(int year, int month, long amount) {
        return new PeriodCost(YearMonth.of(year, month), amount, null);
    }
}
