package dev.tandem.salesforce.auth;

import java.net.URI;

/**
 * An authenticated session: the access token and the org's {@code instance_url} that every data call goes to.
 *
 * @param identityUrl the {@code id} URL of the token response ({@code .../id/<orgId>/<userId>})
 */
public record Session(String accessToken, URI instanceUrl, String identityUrl, String orgId, String userId) {

    /** The instance URL without a trailing slash, ready for path concatenation. */
    public String base() {
        String s = instanceUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return "Session[instanceUrl=" + instanceUrl + ", orgId=" + orgId + ", userId=" + userId + ", token=***]";
    }
}
