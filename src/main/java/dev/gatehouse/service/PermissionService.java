package dev.gatehouse.service;

import dev.gatehouse.engine.Permissions;
import dev.gatehouse.engine.Reads;
import dev.gatehouse.engine.ShareLinks;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Explanation;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Origin;
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
    private final Reads reads;
    private final Writes writes;
    private final Mint mint;
    private final ShareLinkKeys shareLinkKeys;

    public PermissionService(Reads reads, Writes writes, Mint mint, ShareLinkKeys shareLinkKeys) {
        this.reads = reads;
        this.writes = writes;
        this.mint = mint;
        this.shareLinkKeys = shareLinkKeys;
    }

    /**
     * A resource as a request's path names it. The path of a page names its space, and the path of a site
     * its organization: every call on such a target first checks, in the same read as the rest of its work,
     * that the resource is there and visible, answering as reading the page or the site would (404).
     * Collections and spaces are named by their id alone.
     */
    public record Target(ResourceRef resource, String parentId) {
        /** A resource named by its id alone: nothing above it to check. */
        public static Target of(ResourceRef resource) {
            return new Target(resource, null);
        }

        public static Target page(String spaceId, String pageId) {
            return new Target(ResourceRef.page(pageId), spaceId);
        }

        public static Target site(String orgId, String siteId) {
            return new Target(ResourceRef.site(siteId), orgId);
        }

        /** Whether the path names a space or an organization the resource must be in. */
        public boolean contained() {
            return parentId != null;
        }
    }

    /** The target's resource, once its path is checked: the page in its space, the site in its organization. */
    private static ResourceRef locate(World w, Caller caller, Target t) {
        if (t.contained()) {
            switch (t.resource().type()) {
                case PAGE -> PageService.visible(w, caller, t.parentId(), t.resource().id());
                case SITE -> SiteService.site(w, caller, t.parentId(), t.resource().id());
                default -> throw new IllegalArgumentException("only pages and sites are named under another: " + t);
            }
        }
        return t.resource();
    }

    /**
     * Checks the target's path alone, as every call on it does first. For a request refused before its call
     * (a malformed body or parameter): a path naming nothing is answered with its 404 first, whatever else
     * is wrong with the request.
     */
    public void checkPath(Caller caller, Target t) {
        if (t.contained()) {
            reads.read(w -> locate(w, caller, t));
        }
    }

    /** Grants {@code role} (null: an explicit no-access grant) to users (ids or emails) and teams. */
    public Written<Boolean> invite(Caller caller, Target target, Role role, List<String> users, List<String> teams) {
        return invite(caller, target, role, users, teams, null);
    }

    /** The same, the grants expiring at {@code expiresAt} (null: never). A grant given again replaces the old one whole. */
    public Written<Boolean> invite(Caller caller, Target target, Role role, List<String> users, List<String> teams,
                                   java.time.Instant expiresAt) {
        return grant(caller, target, role, users, teams, false, expiresAt);
    }

    /** @param byPath the one user is named by the request's path, so naming nobody is a 404, not a 400 */
    private Written<Boolean> grant(Caller caller, Target target, Role role, List<String> users, List<String> teams,
                                   boolean byPath, java.time.Instant expiresAt) {
        java.time.Instant until = GrantExpiry.check(expiresAt, mint.now());
        if (users.isEmpty() && teams.isEmpty()) {
            throw ApiException.badRequest("give at least one entry in 'users' or 'teams'");
        }
        if (users.size() + teams.size() > Paging.MAX_LIMIT) {
            throw ApiException.badRequest("at most " + Paging.MAX_LIMIT + " users and teams per request; got "
                    + (users.size() + teams.size()));
        }
        return writes.write(caller, w -> {
            ResourceRef r = locate(w, caller, target);
            Role mine = Guard.admin(w, caller, r);
            Guard.mayGrant(mine, role);
            String orgId = w.organizationOf(r);
            List<Change> changes = new ArrayList<>();
            Recipients recipients = new Recipients(mint, caller, w, orgId, changes);
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
    public Written<Boolean> setUser(Caller caller, Target target, String userRef, Role role) {
        return setUser(caller, target, userRef, role, null);
    }

    /** Sets one user's grant, expiring at {@code expiresAt} (null: never). */
    public Written<Boolean> setUser(Caller caller, Target target, String userRef, Role role, java.time.Instant expiresAt) {
        return grant(caller, target, role, List.of(userRef), List.of(), true, expiresAt);
    }

    /** Sets one team's grant (creating it if needed). */
    public Written<Boolean> setTeam(Caller caller, Target target, String teamId, Role role) {
        return setTeam(caller, target, teamId, role, null);
    }

    /** Sets one team's grant, expiring at {@code expiresAt} (null: never). */
    public Written<Boolean> setTeam(Caller caller, Target target, String teamId, Role role, java.time.Instant expiresAt) {
        return invite(caller, target, role, List.of(), List.of(teamId), expiresAt);
    }

    private static ApiException noSuchUser(String id) {
        return ApiException.notFound("no user with id '" + id + "'");
    }

    /** Removes a user's or team's direct grant; false when there was none; a 404 when the user does not exist. */
    public Written<Boolean> remove(Caller caller, Target target, SubjectRef subject) {
        return writes.write(caller, w -> {
            ResourceRef r = locate(w, caller, target);
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
    public Slice<UserGrant> users(Caller caller, Target target, boolean includeNoAccess, String after, int limit) {
        return reads.read(w -> {
            ResourceRef r = locate(w, caller, target);
            Guard.readable(w, caller, r);
            var all = w.grants(r).users();
            var source = after == null ? all : all.tailMap(after, false);
            Slice<Grant> slice = Paging.take(source.values(), gr -> includeNoAccess || gr.role() != null, limit,
                    gr -> gr.subject().id());
            return Paging.map(slice, gr -> new UserGrant(w.user(gr.subject().id()), gr.role(), gr.expiresAt()));
        });
    }

    /** Direct team grants on the resource, by team id; no-access grants only when asked for. */
    public Slice<TeamGrant> teams(Caller caller, Target target, boolean includeNoAccess, String after, int limit) {
        return reads.read(w -> {
            ResourceRef r = locate(w, caller, target);
            Guard.readable(w, caller, r);
            var all = w.grants(r).teams();
            var source = after == null ? all : all.tailMap(after, false);
            Slice<Grant> slice = Paging.take(source.values(), gr -> includeNoAccess || gr.role() != null, limit,
                    gr -> gr.subject().id());
            return Paging.map(slice, gr -> new TeamGrant(TeamService.view(w, caller, w.team(gr.subject().id())), gr.role(),
                    gr.expiresAt()));
        });
    }

    /**
     * One entry of an aggregate: a member with access to the resource, their effective permission, and when
     * the grant giving it expires (null: never).
     */
    public record AggregateEntry(User user, Role role, java.time.Instant expiresAt) { }

    /** Every member with access to the resource and their effective permission, by user id. */
    public Slice<AggregateEntry> aggregate(Caller caller, Target target, Role exactly, String after, int limit) {
        return reads.read(w -> {
            ResourceRef r = locate(w, caller, target);
            Guard.readable(w, caller, r);
            Permissions.AggregatePage page = Permissions.aggregate(w, r, exactly, after, limit);
            Slice<Permissions.MemberAccess> slice = Slice.of(page.items(), page.hasMore(),
                    Permissions.MemberAccess::userId);
            return Paging.map(slice, a -> new AggregateEntry(w.user(a.userId()), a.role(), a.expiresAt()));
        });
    }

    /** One entry of a site aggregate: the member, their permission, where it comes from, whether they are disabled. */
    public record SiteAggregateEntry(User user, Role role, boolean disabled, Origin origin, java.time.Instant expiresAt) {
        static SiteAggregateEntry of(User user, Permissions.SiteAccess a) {
            return new SiteAggregateEntry(user, a.role(), a.disabled(), a.origin(), a.expiresAt());
        }
    }

    /** Filters of the site aggregate, as GitBook names them: the member's role (or guests), a team, a search. */
    public record SiteFilter(Role role, boolean guestsOnly, String teamId, String search) {
        public static final SiteFilter NONE = new SiteFilter(null, false, null, null);

        boolean isNone() {
            return role == null && !guestsOnly && teamId == null && (search == null || search.isBlank());
        }
    }

    public Slice<SiteAggregateEntry> siteAggregate(Caller caller, String orgId, String siteId, SiteFilter filter,
                                                   String after, int limit) {
        return reads.read(w -> {
            SiteService.site(w, caller, orgId, siteId);
            if (filter.isNone()) {
                Permissions.SiteAggregatePage page = Permissions.siteAggregate(w, siteId, after, limit);
                Slice<Permissions.SiteAccess> slice = Slice.of(page.items(), page.hasMore(), Permissions.SiteAccess::userId);
                return Paging.map(slice, a -> SiteAggregateEntry.of(w.user(a.userId()), a));
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
            return Paging.map(slice, a -> SiteAggregateEntry.of(w.user(a.userId()), a));
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

    /**
     * One question of a check: the permission on resource r of user u, or of the site share link whose key
     * the question holds (exactly one of the two), and whether it is at least {@code atLeast}.
     */
    public record Question(String userId, String shareLinkKey, ResourceRef resource, Role atLeast) {
        public Question(String userId, ResourceRef resource, Role atLeast) {
            this(userId, null, resource, atLeast);
        }

        public static Question shareLink(String key, ResourceRef resource, Role atLeast) {
            return new Question(null, key, resource, atLeast);
        }
    }

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
        // A key is checked before the read: a forged one names no link, and answers like an inactive one.
        List<String> links = new ArrayList<>(questions.size());
        for (Question q : questions) {
            links.add(q.shareLinkKey() == null ? null : shareLinkKeys.idOf(q.shareLinkKey()));
        }
        return reads.read(w -> {
            List<Answer> out = new ArrayList<>(questions.size());
            for (int i = 0; i < questions.size(); i++) {
                Question q = questions.get(i);
                if (Guard.roleOn(w, caller, q.resource()) == null) {
                    throw ApiException.notFound("items[" + i + "]: " + Guard.notFound(q.resource()).getMessage());
                }
                Role p = q.shareLinkKey() != null ? ShareLinks.access(w, links.get(i), q.resource())
                        : Permissions.effective(w, q.userId(), q.resource());
                out.add(new Answer(p, q.atLeast() == null ? p != null : Role.covers(p, q.atLeast())));
            }
            return out;
        });
    }

    /**
     * Why a user has the permission they have on a resource, level by level. For someone outside the
     * resource's organization, existing elsewhere or not at all, it is the one step "not-member".
     */
    public Explanation explain(Caller caller, Target target, String userId) {
        return reads.read(w -> {
            ResourceRef r = locate(w, caller, target);
            Guard.readable(w, caller, r);
            return Permissions.explain(w, userId, r);
        });
    }

    /**
     * Why a site share link (named by its id) has the permission it has on a resource: one step, whose rule
     * says why (see {@link ShareLinks#explain}). A link of another organization, or none, is "not-found".
     */
    public Explanation explainShareLink(Caller caller, Target target, String shareLinkId) {
        return reads.read(w -> {
            ResourceRef r = locate(w, caller, target);
            Guard.readable(w, caller, r);
            return ShareLinks.explain(w, shareLinkId, r);
        });
    }

    /** One entry of an explained aggregate: an aggregate entry with the step of the walk that decided it. */
    public record ExplainedAggregateEntry(User user, Role role, Explanation.Step decidedBy) { }

    /** The aggregate with, for each user, the step of the walk that decided their permission. */
    public Slice<ExplainedAggregateEntry> explainedAggregate(Caller caller, Target target, Role exactly, String after,
                                                             int limit) {
        return reads.read(w -> {
            ResourceRef r = locate(w, caller, target);
            Guard.readable(w, caller, r);
            Permissions.AggregatePage page = Permissions.aggregate(w, r, exactly, after, limit);
            Slice<Permissions.MemberAccess> slice = Slice.of(page.items(), page.hasMore(),
                    Permissions.MemberAccess::userId);
            return Paging.map(slice, a -> {
                List<Explanation.Step> steps = Permissions.explain(w, a.userId(), r).steps();
                return new ExplainedAggregateEntry(w.user(a.userId()), a.role(), steps.get(steps.size() - 1));
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
