package dev.gatehouse.service;

import dev.gatehouse.engine.Permissions;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.model.Team;
import dev.gatehouse.model.User;
import java.util.ArrayList;
import java.util.List;

/**
 * Grants on collections, spaces, sites and pages: giving, changing and removing access, the direct
 * grant lists, and the aggregates computed by the engine.
 *
 * <p>Listing needs read access to the resource; changing grants needs admin on it, and nobody can grant
 * a role above their own.
 */
public final class PermissionService {
    private final Gatehouse g;

    public PermissionService(Gatehouse g) {
        this.g = g;
    }

    /** Grants {@code role} (null: an explicit no-access grant) to users (ids or emails) and teams. */
    public Written<Boolean> invite(Caller caller, ResourceRef r, Role role, List<String> users, List<String> teams) {
        return invite(caller, r, role, users, teams, null);
    }

    /** The same, the grants expiring at {@code expiresAt} (null: never). A grant given again replaces the old one whole. */
    public Written<Boolean> invite(Caller caller, ResourceRef r, Role role, List<String> users, List<String> teams,
                                   java.time.Instant expiresAt) {
        return grant(caller, r, role, users, teams, false, expiresAt);
    }

    /** @param byPath the one user is named by the request's path, so naming nobody is a 404, not a 400 */
    private Written<Boolean> grant(Caller caller, ResourceRef r, Role role, List<String> users, List<String> teams,
                                   boolean byPath, java.time.Instant expiresAt) {
        java.time.Instant until = GrantExpiry.check(expiresAt, g.now());
        if (users.isEmpty() && teams.isEmpty()) {
            throw ApiException.badRequest("give at least one entry in 'users' or 'teams'");
        }
        if (users.size() + teams.size() > Paging.MAX_LIMIT) {
            throw ApiException.badRequest("at most " + Paging.MAX_LIMIT + " users and teams per request; got "
                    + (users.size() + teams.size()));
        }
        return g.write(caller, w -> {
            Role mine = Guard.admin(w, caller, r);
            Guard.mayGrant(mine, role);
            String orgId = w.organizationOf(r);
            List<Change> changes = new ArrayList<>();
            Recipients recipients = new Recipients(g, caller, w, orgId, changes);
            for (String ref : users) {
                if (byPath && !Recipients.knownById(w, caller, orgId, ref)) {
                    throw noSuchUser(ref);
                }
                User u = recipients.resolveOnce(ref, "users");
                recipients.ensureMember(u, null);
                putIfChanged(w, changes, new Grant(r, SubjectRef.user(u.id()), role, until));
            }
            for (String teamId : teams) {
                Team t = teamOf(w, orgId, teamId);
                putIfChanged(w, changes, new Grant(r, SubjectRef.team(t.id()), role, until));
            }
            return Plan.of(changes, !changes.isEmpty());
        });
    }

    /** Sets one user's grant (creating it if needed). */
    public Written<Boolean> setUser(Caller caller, ResourceRef r, String userRef, Role role) {
        return setUser(caller, r, userRef, role, null);
    }

    /** Sets one user's grant, expiring at {@code expiresAt} (null: never). */
    public Written<Boolean> setUser(Caller caller, ResourceRef r, String userRef, Role role, java.time.Instant expiresAt) {
        return grant(caller, r, role, List.of(userRef), List.of(), true, expiresAt);
    }

    /** Sets one team's grant (creating it if needed). */
    public Written<Boolean> setTeam(Caller caller, ResourceRef r, String teamId, Role role) {
        return setTeam(caller, r, teamId, role, null);
    }

    /** Sets one team's grant, expiring at {@code expiresAt} (null: never). */
    public Written<Boolean> setTeam(Caller caller, ResourceRef r, String teamId, Role role, java.time.Instant expiresAt) {
        return invite(caller, r, role, List.of(), List.of(teamId), expiresAt);
    }

    private static ApiException noSuchUser(String id) {
        return ApiException.notFound("no user with id '" + id + "'");
    }

    /** Removes a user's or team's direct grant; false when there was none; a 404 when the user does not exist. */
    public Written<Boolean> remove(Caller caller, ResourceRef r, SubjectRef subject) {
        return g.write(caller, w -> {
            Guard.admin(w, caller, r);
            if (subject.type() == dev.gatehouse.model.SubjectType.USER
                    && !Recipients.knownById(w, caller, w.organizationOf(r), subject.id())) {
                throw noSuchUser(subject.id());
            }
            World.Grants grants = w.grants(r);
            Grant existing = (subject.type() == dev.gatehouse.model.SubjectType.USER ? grants.users() : grants.teams())
                    .get(subject.id());
            if (existing == null) {
                return Plan.nothing(false);
            }
            return Plan.of(List.of(new Change.GrantRemoved(r, subject)), true);
        });
    }

    /** A direct user grant with the user it names, and when it expires (null: never). */
    public record UserGrant(User user, Role role, java.time.Instant expiresAt) { }

    /** A direct team grant with the team it names, and when it expires (null: never). */
    public record TeamGrant(TeamService.TeamView team, Role role, java.time.Instant expiresAt) { }

    /** Direct user grants on the resource, by user id; no-access grants only when asked for. */
    public Slice<UserGrant> users(Caller caller, ResourceRef r, boolean includeNoAccess, String after, int limit) {
        return g.read(w -> {
            Guard.readable(w, caller, r);
            var all = w.grants(r).users();
            var source = after == null ? all : all.tailMap(after, false);
            Slice<Grant> slice = Paging.take(source.values(), gr -> includeNoAccess || gr.role() != null, limit,
                    gr -> gr.subject().id());
            return Paging.map(slice, gr -> new UserGrant(w.user(gr.subject().id()), gr.role(), gr.expiresAt()));
        });
    }

    /** Direct team grants on the resource, by team id; no-access grants only when asked for. */
    public Slice<TeamGrant> teams(Caller caller, ResourceRef r, boolean includeNoAccess, String after, int limit) {
        return g.read(w -> {
            Guard.readable(w, caller, r);
            var all = w.grants(r).teams();
            var source = after == null ? all : all.tailMap(after, false);
            Slice<Grant> slice = Paging.take(source.values(), gr -> includeNoAccess || gr.role() != null, limit,
                    gr -> gr.subject().id());
            return Paging.map(slice, gr -> new TeamGrant(TeamService.view(w, caller, w.team(gr.subject().id())), gr.role(),
                    gr.expiresAt()));
        });
    }

    /** Every member with access to the resource, their effective permission, and when the grant giving it expires. */
    public record Access(User user, Role role, java.time.Instant expiresAt) { }

    public Slice<Access> aggregate(Caller caller, ResourceRef r, Role exactly, String after, int limit) {
        return g.read(w -> {
            Guard.readable(w, caller, r);
            Permissions.AggregatePage page = Permissions.aggregate(w, r, exactly, after, limit);
            Slice<Permissions.Access> slice = Slice.of(page.items(), page.hasMore(), Permissions.Access::userId);
            return Paging.map(slice, a -> new Access(w.user(a.userId()), a.role(), a.expiresAt()));
        });
    }

    public record SiteAccess(User user, Permissions.SiteAccess access) { }

    /** Filters of the site aggregate, as GitBook names them: the member's role (or guests), a team, a search. */
    public record SiteFilter(Role role, boolean guestsOnly, String teamId, String search) {
        public static final SiteFilter NONE = new SiteFilter(null, false, null, null);

        boolean isNone() {
            return role == null && !guestsOnly && teamId == null && (search == null || search.isBlank());
        }
    }

    public Slice<SiteAccess> siteAggregate(Caller caller, String orgId, String siteId, SiteFilter filter, String after,
                                           int limit) {
        return g.read(w -> {
            SiteService.site(w, caller, orgId, siteId);
            if (filter.isNone()) {
                Permissions.SiteAggregatePage page = Permissions.siteAggregate(w, siteId, after, limit);
                Slice<Permissions.SiteAccess> slice = Slice.of(page.items(), page.hasMore(), Permissions.SiteAccess::userId);
                return Paging.map(slice, a -> new SiteAccess(w.user(a.userId()), a));
            }
            String needle = filter.search() == null ? null : filter.search().strip().toLowerCase(java.util.Locale.ROOT);
            // Filtered: read the aggregate in pages and keep the matching members until this page is full.
            List<Permissions.SiteAccess> kept = new ArrayList<>();
            String cursor = after;
            boolean more = false;
            while (true) {
                Permissions.SiteAggregatePage page = Permissions.siteAggregate(w, siteId, cursor, Paging.MAX_LIMIT);
                for (Permissions.SiteAccess a : page.items()) {
                    if (matches(w, orgId, a.userId(), filter, needle)) {
                        if (kept.size() == limit) {
                            more = true;
                            break;
                        }
                        kept.add(a);
                    }
                }
                if (more || !page.hasMore() || page.items().isEmpty()) {
                    break;
                }
                cursor = page.items().get(page.items().size() - 1).userId();
            }
            Slice<Permissions.SiteAccess> slice = Slice.of(kept, more, Permissions.SiteAccess::userId);
            return Paging.map(slice, a -> new SiteAccess(w.user(a.userId()), a));
        });
    }

    private static boolean matches(World w, String orgId, String userId, SiteFilter f, String needle) {
        dev.gatehouse.model.Member m = w.member(orgId, userId);
        if (f.guestsOnly() && m.role() != null || f.role() != null && m.role() != f.role()) {
            return false;
        }
        if (f.teamId() != null && !inTeamOf(w, orgId, f.teamId(), userId)) {
            return false;
        }
        if (needle == null || needle.isEmpty()) {
            return true;
        }
        User u = w.user(userId);
        return u.displayName().toLowerCase(java.util.Locale.ROOT).contains(needle)
                || u.email() != null && u.email().contains(needle);
    }

    /**
     * Whether the user is in the team, the team being one of the organization's: another organization's
     * team filters like a team that does not exist, or it would tell which of this organization's
     * members are also in it.
     */
    private static boolean inTeamOf(World w, String orgId, String teamId, String userId) {
        Team t = w.team(teamId);
        return t != null && t.orgId().equals(orgId) && w.teamMembers(teamId).get(userId) != null;
    }

    /** One question of a check: user u's permission on resource r, and whether it is at least {@code atLeast}. */
    public record Question(String userId, ResourceRef resource, Role atLeast) { }

    public record Answer(Role permission, boolean allowed) { }

    /**
     * Answers up to 1000 questions in order, against one state of the index. The caller must be able to
     * list the permissions of every resource asked about (read access, as for the aggregate). A user who
     * is not a member of the resource's organization, whether they exist elsewhere or not at all, has no
     * permission: the answer is the same for both, so a check cannot probe another tenant's ids.
     */
    public List<Answer> check(Caller caller, List<Question> questions) {
        if (questions.isEmpty()) {
            throw ApiException.badRequest("'items' is empty: ask at least one question");
        }
        if (questions.size() > Paging.MAX_LIMIT) {
            throw ApiException.badRequest("at most " + Paging.MAX_LIMIT + " items per check; got " + questions.size());
        }
        return g.read(w -> {
            List<Answer> out = new ArrayList<>(questions.size());
            for (int i = 0; i < questions.size(); i++) {
                Question q = questions.get(i);
                if (Guard.roleOn(w, caller, q.resource()) == null) {
                    throw ApiException.notFound("items[" + i + "]: " + Guard.notFound(q.resource()).getMessage());
                }
                Role p = Permissions.effective(w, q.userId(), q.resource());
                out.add(new Answer(p, q.atLeast() == null ? p != null : Role.covers(p, q.atLeast())));
            }
            return out;
        });
    }

    /**
     * Why a user has the permission they have on a resource, level by level. For someone outside the
     * resource's organization, existing elsewhere or not at all, it is the one step "not-member".
     */
    public Permissions.Explanation explain(Caller caller, ResourceRef r, String userId) {
        return g.read(w -> {
            Guard.readable(w, caller, r);
            return Permissions.explain(w, userId, r);
        });
    }

    /** The aggregate with, for each user, the step of the walk that decided their permission. */
    public record ExplainedAccess(User user, Role role, Permissions.Step decidedBy) { }

    public Slice<ExplainedAccess> explainedAggregate(Caller caller, ResourceRef r, Role exactly, String after, int limit) {
        return g.read(w -> {
            Guard.readable(w, caller, r);
            Permissions.AggregatePage page = Permissions.aggregate(w, r, exactly, after, limit);
            Slice<Permissions.Access> slice = Slice.of(page.items(), page.hasMore(), Permissions.Access::userId);
            return Paging.map(slice, a -> {
                List<Permissions.Step> steps = Permissions.explain(w, a.userId(), r).steps();
                return new ExplainedAccess(w.user(a.userId()), a.role(), steps.get(steps.size() - 1));
            });
        });
    }

    private static Team teamOf(World w, String orgId, String teamId) {
        Team t = teamId == null ? null : w.team(teamId);
        if (t == null || !t.orgId().equals(orgId)) {
            throw ApiException.badRequest("no team with id '" + teamId + "' in organization '" + orgId + "'");
        }
        return t;
    }

    private static void putIfChanged(World w, List<Change> changes, Grant grant) {
        World.Grants grants = w.grants(grant.resource());
        Grant existing = (grant.subject().type() == dev.gatehouse.model.SubjectType.USER ? grants.users() : grants.teams())
                .get(grant.subject().id());
        if (!grant.equals(existing)) {
            changes.add(new Change.GrantPut(grant));
        }
    }
}
