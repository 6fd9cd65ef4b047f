package dev.tandem.server.automation.api;

import dev.tandem.core.token.MyToken;
import dev.tandem.server.automation.token.ProgramTokens;
import dev.tandem.server.http.ApiException;
import dev.tandem.server.http.Requests;
import dev.tandem.server.http.Responses;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tandem.server.automation.api.Guarded.guard;

/**
 * Program "My Tokens" over Marketo's folder token endpoints: {@code GET/POST /rest/asset/v1/folder/{id}/tokens.json}
 * and {@code POST …/tokens/delete.json}, with {@code folderType=Program} (Tandem keeps tokens on programs only).
 */
final class TokenRoutes {

    private final ProgramTokens tokens;

    TokenRoutes(ProgramTokens tokens) {
        this.tokens = tokens;
    }

    void routes(Javalin app) {
        app.get("/rest/asset/v1/folder/{id}/tokens.json", guard(ctx -> {
            long program = program(ctx, false);
            folder(ctx, program, tokens.list(program));
        }));
        app.post("/rest/asset/v1/folder/{id}/tokens.json", guard(ctx -> {
            Requests.requireForm(ctx);
            long program = program(ctx, true);
            folder(ctx, program, tokens.save(program, Requests.requiredParam(ctx, "name"),
                    Requests.requiredParam(ctx, "type"), Requests.requiredParam(ctx, "value")));
        }));
        app.post("/rest/asset/v1/folder/{id}/tokens/delete.json", guard(ctx -> {
            Requests.requireForm(ctx);
            long program = program(ctx, true);
            tokens.delete(program, Requests.requiredParam(ctx, "name"), Requests.requiredParam(ctx, "type"));
            Responses.ok(ctx, List.of(Map.of("id", program)));
        }));
    }

    // Marketo's folderType is Folder or Program; Tandem has no folders, so only Program is accepted.
    private static long program(Context ctx, boolean required) {
        String folderType = required ? Requests.requiredParam(ctx, "folderType") : Requests.param(ctx, "folderType");
        if (folderType != null && !folderType.isBlank() && !folderType.equalsIgnoreCase("Program")) {
            throw ApiException.invalid("folderType", "Tandem keeps My Tokens on programs only; use Program, got '"
                    + folderType + "'");
        }
        return Requests.pathId(ctx, "id");
    }

    private static void folder(Context ctx, long programId, List<MyToken> list) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> folder = new LinkedHashMap<>();
        folder.put("type", "Program");
        folder.put("value", programId);
        out.put("folder", folder);
        out.put("tokens", list.stream().map(t -> {
            Map<String, Object> token = new LinkedHashMap<>();
            token.put("name", t.name());
            token.put("type", t.type().apiName());
            token.put("value", t.value());
            return token;
        }).toList());
        Responses.ok(ctx, List.of(out));
    }
}
