package dev.tandem.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.core.program.PeriodCost;
import dev.tandem.core.program.Program;
import dev.tandem.core.program.ProgramType;
import dev.tandem.server.domain.programs.NewProgram;
import dev.tandem.server.domain.programs.ProgramService;
import dev.tandem.server.domain.programs.ProgramUpdate;
import dev.tandem.server.http.ApiException;
import dev.tandem.server.http.ErrorCode;
import dev.tandem.server.http.Requests;
import dev.tandem.server.http.Responses;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Marketo's program asset endpoints under {@code /rest/asset/v1/}: browse, get by id or name, create and update
 * (form-urlencoded, as Marketo takes them) and delete. Tandem has no folders: {@code folder} is accepted when well
 * formed and otherwise ignored.
 */
final class ProgramsResource {
    static final int DEFAULT_MAX_RETURN = 20;
    private static final List<String> UNSUPPORTED_FILTERS = List.of("status", "earliestUpdatedAt", "latestUpdatedAt");

    private final ProgramService programs;
    private final ObjectMapper json;

    ProgramsResource(ProgramService programs, ObjectMapper json) {
        this.programs = programs;
        this.json = json;
    }

    void routes(Javalin app) {
        app.get("/rest/asset/v1/programs.json", this::browse);
        app.post("/rest/asset/v1/programs.json", this::create);
        app.get("/rest/asset/v1/program/byName.json", this::byName);
        app.get("/rest/asset/v1/program/{id}.json", this::get);
        app.post("/rest/asset/v1/program/{id}.json", this::update);
        app.post("/rest/asset/v1/program/{id}/delete.json", this::delete);
    }

    private void browse(Context ctx) {
        for (String filter : UNSUPPORTED_FILTERS) {
            if (ctx.queryParam(filter) != null) {
                throw ApiException.invalid(filter, "filtering programs by " + filter + " is not supported by Tandem");
            }
        }
        int maxReturn = Requests.intParam(ctx, "maxReturn", DEFAULT_MAX_RETURN, 1, ProgramService.MAX_RETURN);
        int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        Responses.ok(ctx, programs.browse(maxReturn, offset).stream().map(Representations::program).toList());
    }

    private void get(Context ctx) {
        long id = Requests.pathId(ctx, "id");
        Program program = programs.get(id).orElseThrow(() -> notFound(id));
        Responses.ok(ctx, List.of(Representations.program(program)));
    }

    private void byName(Context ctx) {
        String name = Requests.requiredParam(ctx, "name");
        Program program = programs.byName(name).orElseThrow(() ->
                new ApiException(ErrorCode.NO_DATA_FOUND, "No data found: no program named '" + name + "'"));
        Responses.ok(ctx, List.of(Representations.program(program)));
    }

    private void create(Context ctx) {
        Requests.requireForm(ctx);
        String name = Requests.requiredParam(ctx, "name");
        String folder = Requests.requiredParam(ctx, "folder");
        String type = Requests.requiredParam(ctx, "type");
        String channel = Requests.requiredParam(ctx, "channel");
        checkFolder(folder);
        ProgramType programType = programType(type);
        List<PeriodCost> costs = costs(ctx.formParam("costs"));
        Program created = programs.create(new NewProgram(name, ctx.formParam("description"), programType, channel, costs));
        Responses.ok(ctx, List.of(Representations.program(created)));
    }

    private void update(Context ctx) {
        Requests.requireForm(ctx);
        long id = Requests.pathId(ctx, "id");
        String destructive = ctx.formParam("costsDestructiveUpdate");
        if (destructive != null && !destructive.equals("true") && !destructive.equals("false")) {
            throw ApiException.invalid("costsDestructiveUpdate", "must be true or false, got '" + destructive + "'");
        }
        String name = ctx.formParam("name");
        if (name != null && name.isBlank()) {
            throw ApiException.blank("name");
        }
        List<PeriodCost> costs = costs(ctx.formParam("costs"));
        Program updated = programs.update(id, new ProgramUpdate(name, ctx.formParam("description"), costs,
                "true".equals(destructive)));
        Responses.ok(ctx, List.of(Representations.program(updated)));
    }

    private void delete(Context ctx) {
        long id = Requests.pathId(ctx, "id");
        programs.delete(id);
        Responses.ok(ctx, List.of(Map.of("id", id)));
    }

    static ApiException notFound(long id) {
        return new ApiException(ErrorCode.OBJECT_NOT_FOUND, "Object not found: no program with id " + id);
    }

    private void checkFolder(String folder) {
        JsonNode node = parse("folder", folder);
        if (!node.isObject() || !node.path("id").canConvertToLong() || !node.path("type").isTextual()) {
            throw ApiException.invalid("folder", "must be a JSON object like {\"id\":1035,\"type\":\"Folder\"}");
        }
        String type = node.get("type").asText();
        if (!type.equals("Folder") && !type.equals("Program")) {
            throw ApiException.invalid("folder", "type must be Folder or Program, got '" + type + "'");
        }
    }

    private static ProgramType programType(String type) {
        try {
            return ProgramType.parse(type);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_DATA, "Invalid value for " + e.getMessage());
        }
    }

    /** Parses Marketo's {@code costs} JSON: [{"startDate":"2016-01-01","cost":200,"note":"…"}]. */
    private List<PeriodCost> costs(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        JsonNode node = parse("costs", raw);
        if (!node.isArray()) {
            throw ApiException.invalid("costs", "must be a JSON array of {startDate, cost, note}");
        }
        List<PeriodCost> costs = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            String field = "costs[" + i + "]";
            if (!entry.isObject()) {
                throw ApiException.invalid(field, "must be an object {startDate, cost, note}");
            }
            JsonNode cost = entry.get("cost");
            if (cost == null || cost.isNull()) {
                throw ApiException.blank(field + ".cost");
            }
            if (!cost.isIntegralNumber()) {
                throw ApiException.invalid(field + ".cost", "must be a whole number, got " + cost);
            }
            String startDate = entry.path("startDate").asText("");
            if (startDate.isBlank()) {
                throw ApiException.blank(field + ".startDate");
            }
            String note = entry.hasNonNull("note") ? entry.get("note").asText() : null;
            try {
                costs.add(new PeriodCost(month(field, startDate), cost.asLong(), note));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(field, e.getMessage());
            }
        }
        return costs;
    }

    private static YearMonth month(String field, String startDate) {
        try {
            return startDate.length() == 7 ? YearMonth.parse(startDate) : YearMonth.from(LocalDate.parse(startDate));
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field + ".startDate", "'" + startDate + "' is not a date like 2026-01-01");
        }
    }

    private JsonNode parse(String field, String raw) {
        try {
            return json.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorCode.INVALID_JSON, "Invalid JSON in " + field + ": " + e.getOriginalMessage());
        }
    }
}
