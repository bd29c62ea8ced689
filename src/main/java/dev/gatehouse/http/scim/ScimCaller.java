package dev.gatehouse.http.scim;

import de.captaingoldfish.scim.sdk.server.endpoints.authorize.Authorization;
import dev.gatehouse.service.Caller;

import java.util.Map;
import java.util.Set;

/**
 * The SDK's view of a request's caller: already authenticated (by the organization's SCIM token) before the
 * SDK runs, so the SDK's own check always passes, and the handlers find the {@link Caller} here.
 */
final class ScimCaller implements Authorization {
    private final Caller caller;

    ScimCaller(Caller caller) {
        this.caller = caller;
    }

    Caller caller() {
        return caller;
    }

    String orgId() {
        return caller.scimOrgId();
    }

    @Override
    public String getClientId() {
        return Caller.SCIM_ACTOR;
    }

    @Override
    public Set<String> getClientRoles() {
        return Set.of();
    }

    @Override
    public boolean authenticate(Map<String, String> httpHeaders, Map<String, String> queryParams) {
        return true;
    }
}
