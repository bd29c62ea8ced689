package dev.gatehouse.service;

import dev.gatehouse.engine.Permissions;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;

/**
 * "Who may change what" of the permission model, in one place.
 *
 * <p>A resource the caller cannot access answers 404 with the same message as one that does not
 * exist, so ids leak nothing; a resource the caller can see but not change answers 403.
 */
public final class Guard {
    private Guard() {
    }

    /** The caller's effective permission on a resource (system: admin on everything that exists), null for none. */
    public static Role roleOn(World w, Caller caller, ResourceRef r) {
        if (caller.system()) {
            return w.exists(r) ? Role.ADMIN : null;
        }
        return Permissions.effective(w, caller.userId(), r);
    }

    /** The caller's permission, at least read; otherwise 404 exactly as for a missing resource. */
    public static Role readable(World w, Caller caller, ResourceRef r) {
        Role role = roleOn(w, caller, r);
        if (role == null) {
            throw notFound(r);
        }
        return role;
    }

    /** Requires admin on the resource: 404 if the caller cannot see it, 403 if they can but are not admin. */
    public static Role admin(World w, Caller caller, ResourceRef r) {
        Role role = readable(w, caller, r);
        if (role != Role.ADMIN) {
            throw ApiException.forbidden("you need the admin permission on " + r.type().wire() + " '" + r.id()
                    + "' to do this; yours is " + role.wire());
        }
        return role;
    }

    public static ApiException notFound(ResourceRef r) {
        return ApiException.notFound("no " + r.type().wire() + " with id '" + r.id() + "'");
    }

    /**
     * The caller's membership of an organization: system callers get a synthetic admin membership.
     * Non-members and disabled members get 404, as if the organization did not exist.
     */
    public static Member member(World w, Caller caller, String orgId) {
        if (w.organization(orgId) == null) {
            throw orgNotFound(orgId);
        }
        if (caller.system()) {
            return new Member(orgId, Caller.SYSTEM_ACTOR, Role.ADMIN, false, w.organization(orgId).createdAt());
        }
        Member m = w.member(orgId, caller.userId());
        if (m == null || m.disabled()) {
            throw orgNotFound(orgId);
        }
        return m;
    }

    /** Requires the caller to be an organization admin (403 for other members). */
    public static Member orgAdmin(World w, Caller caller, String orgId) {
        Member m = member(w, caller, orgId);
        if (m.role() != Role.ADMIN) {
            throw ApiException.forbidden("only admins of organization '" + orgId + "' may do this");
        }
        return m;
    }

    /** Requires a non-guest member (guests see only what they were given, not the organization's lists). */
    public static Member nonGuest(World w, Caller caller, String orgId) {
        Member m = member(w, caller, orgId);
        if (m.role() == null) {
            throw ApiException.forbidden("guests of organization '" + orgId + "' cannot list this");
        }
        return m;
    }

    public static ApiException orgNotFound(String orgId) {
        return ApiException.notFound("no organization with id '" + orgId + "'");
    }

    /** Nobody can grant a role above their own. */
    public static void mayGrant(Role callerRole, Role granted) {
        if (granted != null && !callerRole.atLeast(granted)) {
            throw ApiException.forbidden("you cannot grant " + granted.wire() + ", which is above your own "
                    + callerRole.wire());
        }
    }
}
