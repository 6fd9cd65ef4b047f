package dev.tandem.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.domain.membership.MembershipService;
import dev.tandem.server.domain.people.PeopleService;
import dev.tandem.server.domain.programs.ProgramService;
import dev.tandem.server.http.ApiException;
import dev.tandem.server.http.ErrorCode;
import dev.tandem.server.http.Requests;
import dev.tandem.server.http.Responses;
import dev.tandem.server.http.TandemModule;
import io.javalin.Javalin;

/**
 * The Marketo-compatible REST API: leads, programs, channels, program members and activities. Domain refusals
 * become Marketo envelopes carrying the domain's code; nothing has been written when they are thrown.
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
        // Only refusals are mapped here: Javalin's handlers are global, and an IllegalArgumentException is a
        // fault (611, logged by HttpServer) unless a resource turned it into a refusal where it validates input.
        app.exception(DomainException.class, (e, ctx) -> Responses.failure(ctx, toApiError(e).error()));
    }

    static ApiException toApiError(DomainException e) {
        return switch (e.code()) {
            case "701" -> new ApiException(ErrorCode.CANNOT_BE_BLANK, e.getMessage().replace(": cannot be blank", " cannot be blank"));
            case "709" -> new ApiException(ErrorCode.BUSINESS_RULE_VIOLATION, "Business rule violation: " + e.getMessage());
            case "1013" -> new ApiException(ErrorCode.OBJECT_NOT_FOUND, "Object not found: " + e.getMessage());
            default -> new ApiException(ErrorCode.INVALID_DATA, "Invalid data: " + e.getMessage());
        };
    }
}
