package dev.tandem.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.domain.membership.MembershipService;
import dev.tandem.server.domain.people.PeopleService;
import dev.tandem.server.domain.programs.ProgramService;
import dev.tandem.server.http.Requests;
import dev.tandem.server.http.TandemModule;
import io.javalin.Javalin;

/**
 * The Marketo-compatible REST API: leads, programs, channels, program members and activities. Domain refusals
 * become Marketo envelopes carrying the domain's code (see {@link dev.tandem.server.http.HttpServer}); nothing has
 * been written when they are thrown.
 */
public final class ApiModule implements TandemModule {
    private final LeadsResource leads;
    private final ProgramsResource programs;
    private final ChannelsResource channels;
    private final ProgramMembersResource members;
    private final ActivitiesResource activities;

    public ApiModule(ObjectMapper json, PeopleService people, ProgramService programs, MembershipService memberships,
                     ActivityLog activityLog) {
        Requests requests = new Requests(json);
        this.leads = new LeadsResource(people, requests);
        this.programs = new ProgramsResource(programs, json);
        this.channels = new ChannelsResource(programs);
        this.members = new ProgramMembersResource(memberships, programs, requests);
        this.activities = new ActivitiesResource(activityLog);
    }

    @Override
    public String name() {
        return "rest-api";
    }

    @Override
    public void routes(Javalin app) {
        leads.routes(app);
        programs.routes(app);
        channels.routes(app);
        members.routes(app);
        activities.routes(app);
    }
}
