package dev.gatehouse.service;

import dev.gatehouse.engine.Permissions;
import dev.gatehouse.engine.Reads;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.AccessRequest;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.model.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Access requests: a member of a resource's organization (a guest included) who knows the resource's id asks
 * for a role on it, and whoever may grant that role there (admin on the resource, never above their own role,
 * as for an invite) approves or denies.
 *
 * <p>To anyone outside the organization the resource answers 404 exactly as one that does not exist. A member
 * may ask about a resource they cannot see: that is what a request is for, and it tells them nothing the id
 * did not (it exists in their own organization). There is one request per person and resource: asking again
 * while it is pending changes it, asking again after a decision opens it again.
 */
public final class AccessRequestService {
    private final Reads reads;
    private final Writes writes;
    private final Mint mint;

    public AccessRequestService(Reads reads, Writes writes, Mint mint) {
        this.reads = reads;
        this.writes = writes;
        this.mint = mint;
    }

    /**
     * The resource of a request path: {@code container} is the organization of a site path and the space of a
     * page path (each must hold the resource), null for collections and spaces.
     */
    public record Target(ResourceRef resource, String container) { }

    /** A request with the user who made it. */
    public record View(AccessRequest request, User user) { }

    /**
     * What asking did: {@code created} when no pending request was there before; {@code redundant} when the
     * requester already has the role (or more) and nothing was written, with {@code permission} theirs.
     */
    public record Outcome(View view, boolean created, boolean redundant, Role permission) { }

    /** Asks for {@code role} on the target, with an optional message for whoever decides. */
    public Written<Outcome> request(Caller caller, Target t, Role role, String message) {
        if (role == null) {
            throw ApiException.badRequest("'role' is required: one of " + Role.names());
        }
        text("message", message);
        if (caller.system()) {
            throw ApiException.badRequest("the system token acts for the installation: an access request is made by "
                    + "a user, with their own token");
        }
        return writes.write(caller, w -> {
            ResourceRef r = resolve(w, caller, t);
            String user = caller.userId();
            Role have = Permissions.effective(w, user, r);
            if (Role.covers(have, role)) {
                return Plan.nothing(new Outcome(null, false, true, have));
            }
            AccessRequest old = w.accessRequestOf(r, user);
            boolean pending = old != null && old.status() == AccessRequest.Status.PENDING;
            AccessRequest next = new AccessRequest(old == null ? mint.newId() : old.id(), r, user, role, message,
                    AccessRequest.Status.PENDING, null, null, pending ? old.createdAt() : mint.now(), null, null);
            View v = new View(next, w.user(user));
            if (next.equals(old)) {
                return Plan.nothing(new Outcome(v, false, false, have));
            }
            return Plan.of(List.of(new Change.AccessRequestPut(next)), new Outcome(v, !pending, false, have));
        });
    }

    /** The requests on the target with this status (pending unless asked), by id: for whoever may grant there. */
    public Slice<View> list(Caller caller, Target t, AccessRequest.Status status, String after, int limit) {
        AccessRequest.Status s = status == null ? AccessRequest.Status.PENDING : status;
        return reads.read(w -> {
            ResourceRef r = resolve(w, caller, t);
            Guard.admin(w, caller, r);
            String orgId = w.organizationOf(r);
            var all = w.accessRequests(r);
            var source = after == null ? all : all.tailMap(after, false);
            Slice<AccessRequest> slice = Paging.take(source.values(),
                    q -> q.status() == s && w.member(orgId, q.userId()) != null, limit, AccessRequest::id);
            return Paging.map(slice, q -> new View(q, w.user(q.userId())));
        });
    }

    /** One request: for the person who made it and for whoever may grant on the resource; 404 for anyone else. */
    public View get(Caller caller, Target t, String requestId) {
        return reads.read(w -> {
            ResourceRef r = resolve(w, caller, t);
            AccessRequest q = find(w, r, requestId);
            boolean mine = !caller.system() && q.userId().equals(caller.userId());
            if (!mine && Guard.roleOn(w, caller, r) != Role.ADMIN) {
                throw noSuchRequest(requestId);
            }
            return new View(q, w.user(q.userId()));
        });
    }

    /**
     * Approves a pending request: the requester is granted the role on the resource, as an invite would grant
     * it (admin on the resource, never above the approver's own role), until {@code expiresAt} (null: for good).
     * A grant the requester has already that gives as much, and for as long, is kept as it is; one that gives as
     * much for less long keeps its role and lasts until the later of the two, so approving never takes away.
     *
     * <p>When the requester's permission there already covers the role through something else (a grant given
     * meanwhile above, or to a team), no grant is written: a user grant here would be the nearest statement.
     */
    public Written<View> approve(Caller caller, Target t, String requestId, Instant expiresAt) {
        Instant until = GrantExpiry.check(expiresAt, mint.now());
        return writes.write(caller, w -> {
            ResourceRef r = resolve(w, caller, t);
            Role mine = Guard.admin(w, caller, r);
            AccessRequest q = pending(w, r, requestId);
            Guard.mayGrant(mine, q.role());
            Member m = w.member(w.organizationOf(r), q.userId());
            if (m == null || m.disabled()) {
                throw ApiException.conflict("the requester is no longer an enabled member of the organization; "
                        + "deny the request instead");
            }
            List<Change> changes = new ArrayList<>();
            Grant existing = w.grants(r).users().get(q.userId());
            Grant wanted = approvedGrant(r, q, existing, until);
            // What they have now, not when they asked: a grant given meanwhile above or to a team may cover the role
            // already, and a user grant here would then be the nearest statement and could lower it.
            boolean coveredElsewhere = (existing == null || !Role.covers(existing.role(), q.role()))
                    && Role.covers(Permissions.effective(w, q.userId(), r), q.role());
            if (!coveredElsewhere && !wanted.equals(existing)) {
                changes.add(new Change.GrantPut(wanted));
            }
            AccessRequest done = decided(q, AccessRequest.Status.APPROVED, caller, null, until);
            changes.add(new Change.AccessRequestPut(done));
            return Plan.of(changes, new View(done, w.user(q.userId())));
        });
    }

    /** The grant an approval leaves: the request's role until {@code until}, or more where the requester has more. */
    private static Grant approvedGrant(ResourceRef r, AccessRequest q, Grant existing, Instant until) {
        SubjectRef who = SubjectRef.user(q.userId());
        if (existing == null || !Role.covers(existing.role(), q.role())) {
            return new Grant(r, who, q.role(), until);
        }
        Instant longer = existing.expiresAt() == null || until == null ? null
                : (existing.expiresAt().isAfter(until) ? existing.expiresAt() : until);
        return new Grant(r, who, existing.role(), longer);
    }

    /** Denies a pending request, with an optional reason the requester reads. */
    public Written<View> deny(Caller caller, Target t, String requestId, String reason) {
        text("reason", reason);
        return writes.write(caller, w -> {
            ResourceRef r = resolve(w, caller, t);
            Role mine = Guard.admin(w, caller, r);
            AccessRequest q = pending(w, r, requestId);
            Guard.mayGrant(mine, q.role());
            AccessRequest done = decided(q, AccessRequest.Status.DENIED, caller, reason, null);
            return Plan.of(List.of(new Change.AccessRequestPut(done)), new View(done, w.user(q.userId())));
        });
    }

    /** A resource's removal takes its requests with it: the changes that remove them, before the resource's own. */
    static void removeRequests(World w, ResourceRef r, List<Change> changes) {
        for (String id : w.accessRequests(r).keySet()) {
            changes.add(new Change.AccessRequestRemoved(id));
        }
    }

    private AccessRequest decided(AccessRequest q, AccessRequest.Status status, Caller caller, String reason,
                                  Instant expiresAt) {
        return new AccessRequest(q.id(), q.resource(), q.userId(), q.role(), q.message(), status, caller.actor(),
                reason, q.createdAt(), mint.now(), expiresAt);
    }

    private static AccessRequest pending(World w, ResourceRef r, String requestId) {
        AccessRequest q = find(w, r, requestId);
        if (q.status() != AccessRequest.Status.PENDING) {
            throw ApiException.conflict("access request '" + requestId + "' was " + q.status().wire()
                    + " already; the requester may ask again");
        }
        return q;
    }

    private static AccessRequest find(World w, ResourceRef r, String requestId) {
        AccessRequest q = w.accessRequest(requestId);
        if (q == null || !q.resource().equals(r) || w.user(q.userId()) == null
                || w.member(w.organizationOf(r), q.userId()) == null) {
            throw noSuchRequest(requestId);
        }
        return q;
    }

    private static ApiException noSuchRequest(String id) {
        return ApiException.notFound("no access request with id '" + id + "'");
    }

    /**
     * The resource, when it exists where the path says and the caller is an enabled member of its
     * organization (or the system token); otherwise 404, word for word as for a resource that does not exist.
     * A space in the trash, and a page in one, are not there for anyone but those who can still see them.
     */
    private static ResourceRef resolve(World w, Caller caller, Target t) {
        ResourceRef r = t.resource();
        ApiException missing = Guard.notFound(r);
        String orgId = w.organizationOf(r);
        if (orgId == null) {
            throw missing;
        }
        switch (r.type()) {
            case SITE -> {
                Site s = w.site(r.id());
                if (!s.orgId().equals(t.container())) {
                    throw missing;
                }
            }
            case PAGE -> {
                Page p = w.page(r.id());
                if (!p.spaceId().equals(t.container()) || w.space(p.spaceId()).deleted()
                        && Guard.roleOn(w, caller, r) == null) {
                    throw missing;
                }
            }
            case SPACE -> {
                Space s = w.space(r.id());
                if (s.deleted() && Guard.roleOn(w, caller, r) == null) {
                    throw missing;
                }
            }
            default -> { }
        }
        if (!caller.system()) {
            Member m = w.member(orgId, caller.userId());
            if (m == null || m.disabled()) {
                throw missing;
            }
        }
        return r;
    }

    private static void text(String field, String value) {
        if (value != null && value.codePointCount(0, value.length()) > AccessRequest.MAX_TEXT) {
            throw ApiException.badRequest("'" + field + "' is at most " + AccessRequest.MAX_TEXT + " characters");
        }
    }
}
