package dev.tandem.emulator.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.emulator.http.Json;
import dev.tandem.emulator.org.Org;
import dev.tandem.emulator.org.Principal;
import dev.tandem.emulator.store.SRecord;

/** The identity service's user description (GET /id/{org}/{user} and /services/oauth2/userinfo). */
public final class Identity {
    private Identity() {
    }

    public static ObjectNode of(Org org, Principal p, String baseUrl) {
        SRecord u = org.user(p.userId());
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("id", baseUrl + "/id/" + org.orgId() + "/" + p.userId());
        n.put("asserted_user", true);
        n.put("user_id", p.userId());
        n.put("organization_id", org.orgId());
        n.put("username", p.username());
        n.put("nick_name", u.string("Alias"));
        n.put("display_name", u.string("Name"));
        n.put("email", u.string("Email"));
        n.put("first_name", u.string("FirstName"));
        n.put("last_name", u.string("LastName"));
        n.put("active", u.flag("IsActive"));
        n.put("user_type", "STANDARD");
        n.put("language", "en_US");
        n.put("locale", "en_US");
        n.put("utcOffset", 0);
        n.put("is_app_installed", true);
        ObjectNode urls = n.putObject("urls");
        urls.put("rest", baseUrl + "/services/data/v{version}/");
        urls.put("sobjects", baseUrl + "/services/data/v{version}/sobjects/");
        urls.put("query", baseUrl + "/services/data/v{version}/query/");
        urls.put("profile", baseUrl + "/" + p.userId());
        return n;
    }
}
