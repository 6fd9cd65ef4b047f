package dev.tandem.server.api;

import dev.tandem.core.channel.Channel;
import dev.tandem.server.domain.programs.ProgramService;
import dev.tandem.server.http.ApiException;
import dev.tandem.server.http.ErrorCode;
import dev.tandem.server.http.Requests;
import dev.tandem.server.http.Responses;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.List;

/** Marketo's channel endpoints: browse and get by name (Marketo has no get-by-id for channels). */
final class ChannelsResource {
    private final ProgramService programs;

    ChannelsResource(ProgramService programs) {
        this.programs = programs;
    }

    void routes(Javalin app) {
        app.get("/rest/asset/v1/channels.json", this::browse);
        app.get("/rest/asset/v1/channel/byName.json", this::byName);
    }

    private void browse(Context ctx) {
        int maxReturn = Requests.intParam(ctx, "maxReturn", ProgramsResource.DEFAULT_MAX_RETURN, 1, ProgramService.MAX_RETURN);
        int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        Responses.ok(ctx, programs.channels(maxReturn, offset).stream()
                .map(channel -> Representations.channel(channel)).toList());
    }

    private void byName(Context ctx) {
        String name = Requests.requiredParam(ctx, "name");
        Channel channel = programs.channelByName(name).orElseThrow(() ->
                new ApiException(ErrorCode.NO_DATA_FOUND, "No data found: no channel named '" + name + "'"));
        Responses.ok(ctx, List.of(Representations.channel(channel)));
    }
}
