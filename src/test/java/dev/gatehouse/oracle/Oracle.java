package dev.gatehouse.oracle;

import dev.gatehouse.model.Change;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Organization;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ResourceType;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.SiteSpace;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.model.SubjectType;
import dev.gatehouse.model.Team;
import dev.gatehouse.model.TeamMembership;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;

/**
 * permission-model.md said again, as plainly as possible, to check the engine against.
 *
 * <p>It shares no code with the engine: it keeps its own flat lists of the model records, replays the
 * same {@link Change}s into them, and answers every question by brute force (scan the lists, filter, sort).
 * It is slow on purpose; read it next to the model text, section by section.
 */
public final class Oracle {
    private final List<Organization> organizations = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();
    private final List<Team> teams = new ArrayList<>();
    private final List<TeamMembership> teamMemberships = new ArrayList<>();
    private final List<Collection> collections = new ArrayList<>();
    private final List<Space> spaces = new ArrayList<>();
    private final List<Site> sites = new ArrayList<>();
    private final List<SiteSpace> siteSpaces = new ArrayList<>();
    private final List<Page> pages = new ArrayList<>();
    private final List<Grant> grants = new ArrayList<>();
    /** The instant every question is asked at: a grant counts only before its expiry. */
    private final Instant now;

    /**
     * One line of a site aggregate; {@code origin} is "organization:O", "site:W:member", "site:W:team:T",
     * "site:W:default" or "space:S"; {@code expiresAt}: when the grant that gave the permission expires.
     */
    public record SiteLine(String user, Role permission, boolean disabled, String origin, Instant expiresAt) {
    }

    /** The world of {@code changes}, asked before any grant has expired. */
    public Oracle(List<Change> changes) {
        this(changes, Instant.MIN);
    }

    /** The world of {@code changes}, asked at instant {@code now}. */
    public Oracle(List<Change> changes, Instant now) {
        this.now = now;
        for (Change c : changes) {
            replay(c);
        }
    }

    // ------------------------------------------------------------------ the data

    private void replay(Change change) {
        change.accept(replayer);
    }

    /** How each kind of change changes the data; users and tokens play no part in permissions. */
    private final Change.Visitor<Void> replayer = new Change.Visitor<>() {
        @Override
        public Void userPut(Change.UserPut x) {
            return null; // users and tokens play no part in permissions
        }

        @Override
        public Void userRemoved(Change.UserRemoved x) {
            return null; // users and tokens play no part in permissions
        }

        @Override
        public Void organizationPut(Change.OrganizationPut c) {
            replace(organizations, o -> o.id().equals(c.organization().id()), c.organization());
            return null;
        }

        @Override
        public Void memberPut(Change.MemberPut c) {
            Member m = c.member();
            replace(members, x -> x.orgId().equals(m.orgId()) && x.userId().equals(m.userId()), m);
            return null;
        }

        @Override
        public Void memberRemoved(Change.MemberRemoved c) {
            members.removeIf(x -> x.orgId().equals(c.orgId()) && x.userId().equals(c.userId()));
            return null;
        }

        @Override
        public Void teamPut(Change.TeamPut c) {
            replace(teams, t -> t.id().equals(c.team().id()), c.team());
            return null;
        }

        @Override
        public Void teamRemoved(Change.TeamRemoved c) {
            teams.removeIf(t -> t.id().equals(c.teamId()));
            teamMemberships.removeIf(x -> x.teamId().equals(c.teamId()));
            return null;
        }

        @Override
        public Void teamMemberPut(Change.TeamMemberPut c) {
            TeamMembership tm = c.membership();
            replace(teamMemberships, x -> x.teamId().equals(tm.teamId()) && x.userId().equals(tm.userId()), tm);
            return null;
        }

        @Override
        public Void teamMemberRemoved(Change.TeamMemberRemoved c) {
            teamMemberships.removeIf(x -> x.teamId().equals(c.teamId()) && x.userId().equals(c.userId()));
            return null;
        }

        @Override
        public Void collectionPut(Change.CollectionPut c) {
            replace(collections, x -> x.id().equals(c.collection().id()), c.collection());
            return null;
        }

        @Override
        public Void collectionRemoved(Change.CollectionRemoved c) {
            collections.removeIf(x -> x.id().equals(c.collectionId()));
            return null;
        }

        @Override
        public Void spacePut(Change.SpacePut c) {
            replace(spaces, x -> x.id().equals(c.space().id()), c.space());
            return null;
        }

        @Override
        public Void spaceRemoved(Change.SpaceRemoved c) {
            spaces.removeIf(x -> x.id().equals(c.spaceId()));
            return null;
        }

        @Override
        public Void sitePut(Change.SitePut c) {
            replace(sites, x -> x.id().equals(c.site().id()), c.site());
            return null;
        }

        @Override
        public Void siteRemoved(Change.SiteRemoved c) {
            sites.removeIf(x -> x.id().equals(c.siteId()));
            return null;
        }

        @Override
        public Void siteSpacePut(Change.SiteSpacePut c) {
            replace(siteSpaces, x -> x.id().equals(c.siteSpace().id()), c.siteSpace());
            return null;
        }

        @Override
        public Void siteSpaceRemoved(Change.SiteSpaceRemoved c) {
            siteSpaces.removeIf(x -> x.id().equals(c.siteSpaceId()));
            return null;
        }

        @Override
        public Void pagePut(Change.PagePut c) {
            replace(pages, x -> x.id().equals(c.page().id()), c.page());
            return null;
        }

        @Override
        public Void pageRemoved(Change.PageRemoved c) {
            pages.removeIf(x -> x.id().equals(c.pageId()));
            return null;
        }

        @Override
        public Void grantPut(Change.GrantPut c) {
            Grant g = c.grant();
            replace(grants, x -> x.resource().equals(g.resource()) && x.subject().equals(g.subject()), g);
            return null;
        }

        @Override
        public Void grantRemoved(Change.GrantRemoved c) {
            grants.removeIf(x -> x.resource().equals(c.resource()) && x.subject().equals(c.subject()));
            return null;
        }

        @Override
        public Void grantExpired(Change.GrantExpired c) {
            // the sweep removes the grant only if it still expires at that instant
            grants.removeIf(x -> x.resource().equals(c.resource()) && x.subject().equals(c.subject())
                    && c.expiresAt().equals(x.expiresAt()));
            return null;
        }

        @Override
        public Void tokenPut(Change.TokenPut x) {
            return null; // users and tokens play no part in permissions
        }

        @Override
        public Void tokenRemoved(Change.TokenRemoved x) {
            return null; // users and tokens play no part in permissions
        }

        @Override
        public Void scimTokenPut(Change.ScimTokenPut x) {
            return null; // SCIM tokens and attributes play no part in permissions
        }

        @Override
        public Void scimTokenRemoved(Change.ScimTokenRemoved x) {
            return null; // as above
        }

        @Override
        public Void scimRecordPut(Change.ScimRecordPut x) {
            return null; // as above
        }

        @Override
        public Void scimRecordRemoved(Change.ScimRecordRemoved x) {
            return null; // as above
        }

        @Override
        public Void linkInvitePut(Change.LinkInvitePut x) {
            return null; // a link gives nothing until someone joins: the join is a member or grant put
        }

        @Override
        public Void linkInviteRemoved(Change.LinkInviteRemoved x) {
            return null; // see linkInvitePut
        }

        @Override
        public Void linkInviteUsed(Change.LinkInviteUsed x) {
            return null; // see linkInvitePut
        }

        @Override
        public Void siteShareLinkPut(Change.SiteShareLinkPut x) {
            return null; // a share link gives a user nothing: it is a subject of its own
        }

        @Override
        public Void siteShareLinkRemoved(Change.SiteShareLinkRemoved x) {
            return null; // a share link gives a user nothing: it is a subject of its own
        }

        @Override
        public Void accessRequestPut(Change.AccessRequestPut x) {
            return null; // a request gives nothing until a grant approves it
        }

        @Override
        public Void accessRequestRemoved(Change.AccessRequestRemoved x) {
            return null; // a request gives nothing until a grant approves it
        }
    };

    private static <T> void replace(List<T> list, Predicate<T> same, T value) {
        list.removeIf(same);
        list.add(value);
    }

    private <T> T find(List<T> list, Predicate<T> p) {
        return list.stream().filter(p).findFirst().orElse(null);
    }

    private Member member(String org, String user) {
        return find(members, m -> m.orgId().equals(org) && m.userId().equals(user));
    }

    private Space space(String id) {
        return find(spaces, s -> s.id().equals(id));
    }

    private Page page(String id) {
        return find(pages, p -> p.id().equals(id));
    }

    private Collection collection(String id) {
        return find(collections, c -> c.id().equals(id));
    }

    private Site site(String id) {
        return find(sites, s -> s.id().equals(id));
    }

    /** The organization a resource belongs to, or null when there is no such resource. */
    private String organizationOf(ResourceRef r) {
        switch (r.type()) {
            case COLLECTION: {
                Collection c = collection(r.id());
                return c == null ? null : c.orgId();
            }
            case SPACE: {
                Space s = space(r.id());
                return s == null ? null : s.orgId();
            }
            case SITE: {
                Site s = site(r.id());
                return s == null ? null : s.orgId();
            }
            default: {
                Page p = page(r.id());
                Space s = p == null ? null : space(p.spaceId());
                return s == null ? null : s.orgId();
            }
        }
    }

    private boolean isInTeam(String user, String team) {
        return teamMemberships.stream().anyMatch(tm -> tm.userId().equals(user) && tm.teamId().equals(team));
    }

    /** A grant counts until its expiry: at that instant and after, it is as if it were not there. */
    private boolean counts(Grant g) {
        return g.expiresAt() == null || now.isBefore(g.expiresAt());
    }

    private Grant userGrant(ResourceRef r, String user) {
        return find(grants, g -> g.resource().equals(r) && g.subject().equals(SubjectRef.user(user)) && counts(g));
    }

    /** The grants on r to teams that the user is in. */
    private List<Grant> teamGrantsOfUser(ResourceRef r, String user) {
        return grants.stream()
                .filter(g -> g.resource().equals(r) && g.subject().type() == SubjectType.TEAM)
                .filter(this::counts)
                .filter(g -> isInTeam(user, g.subject().id()))
                .sorted(Comparator.comparing(g -> g.subject().id()))
                .toList();
    }

    /** The highest of the grants' roles; a null grant counts as none. Null when no grant gives a role. */
    private static Role highest(List<Grant> gs) {
        Role best = null;
        for (Grant g : gs) {
            if (g.role() != null && (best == null || g.role().ordinal() > best.ordinal())) {
                best = g.role();
            }
        }
        return best;
    }

    // ------------------------------------------------------------------ "Effective permission of user u on resource R"

    /** The effective permission, null for none. */
    public Role effective(String u, ResourceRef r) {
        return effective(u, r, false);
    }

    private Role effective(String u, ResourceRef r, boolean asIfEnabled) {
        String org = organizationOf(r);
        if (org == null) {
            return null;
        }
        Member m = member(org, u);
        // 1. not a member, or a disabled member: none
        if (m == null || (m.disabled() && !asIfEnabled)) {
            return null;
        }
        // 2. organization admins administer everything
        if (m.role() == Role.ADMIN) {
            return Role.ADMIN;
        }
        // 3. soft-deleted, or in a soft-deleted space: none for everyone else
        if (inDeletedSpace(r)) {
            return null;
        }
        // 4. walk the levels from R
        return walk(m, new Level(levelKind(r), r.id()));
    }

    private boolean inDeletedSpace(ResourceRef r) {
        if (r.type() == ResourceType.SPACE) {
            return space(r.id()).deleted();
        }
        if (r.type() == ResourceType.PAGE) {
            return space(page(r.id()).spaceId()).deleted();
        }
        return false;
    }

    /** A level of the walk: "page", "space", "site-level" (id = the space), "collection", "site" or "organization". */
    private record Level(String kind, String id) {
    }

    private static String levelKind(ResourceRef r) {
        return r.type().wire();
    }

    /**
     * What one level of the walk says: it decides (with a role, or none), or the walk goes on. {@code until}:
     * when the grant that decided expires (null when it does not, or no grant decided).
     */
    private record Outcome(boolean decided, Role role, Instant until) {
        static final Outcome GO_ON = new Outcome(false, null, null);

        static Outcome decides(Role role) {
            return new Outcome(true, role, null);
        }

        /** Decided by the grant among {@code gs} that gave the highest role (none lowest), the first such on a tie. */
        static Outcome byGrant(List<Grant> gs) {
            Role best = highest(gs);
            Grant decider = gs.stream().filter(g -> g.role() == best).findFirst().orElseThrow();
            return new Outcome(true, best, decider.expiresAt());
        }
    }

    private Role walk(Member m, Level level) {
        return decision(m, level).role();
    }

    private Outcome decision(Member m, Level level) {
        for (Level l = level; ; l = parent(l)) {
            Outcome o = decide(m, l);
            if (o.decided()) {
                return o;
            }
        }
    }

    /**
     * When the grant that decides u's permission on r expires: null when it never does, or when no grant
     * decides (rules 1 to 3, a default, the organization level).
     */
    public Instant expiresAt(String u, ResourceRef r) {
        String org = organizationOf(r);
        Member m = org == null ? null : member(org, u);
        if (m == null || m.disabled() || m.role() == Role.ADMIN || inDeletedSpace(r)) {
            return null;
        }
        return decision(m, new Level(levelKind(r), r.id())).until();
    }

    /** One step of the walk as the oracle sees it, for replaying an explanation. */
    public record TraceStep(String level, String id, boolean decided, Role role, Instant expiresAt) {
    }

    /**
     * The levels the walk visits for user u on r, each with what it decided, or an empty list when rules
     * 1 to 3 decide before any level is walked (not a member, disabled, admin, deleted).
     */
    public List<TraceStep> trace(String u, ResourceRef r) {
        String org = organizationOf(r);
        Member m = org == null ? null : member(org, u);
        if (m == null || m.disabled() || m.role() == Role.ADMIN || inDeletedSpace(r)) {
            return List.of();
        }
        List<TraceStep> out = new ArrayList<>();
        for (Level l = new Level(levelKind(r), r.id()); ; l = parent(l)) {
            Outcome o = decide(m, l);
            out.add(new TraceStep(l.kind(), l.id(), o.decided(), o.role(), o.until()));
            if (o.decided()) {
                return out;
            }
        }
    }

    private Outcome decide(Member m, Level level) {
        String u = m.userId();
        switch (level.kind()) {
            case "organization":
                // 6. the member role; a guest (null role) gets none
                return Outcome.decides(m.role());
            case "site-level": {
                // 5. the site level of a space: rules a and b over every site publishing it
                // (the grants in site id order, then team id order: the first of the highest is the one named)
                List<ResourceRef> publishing = sitesPublishing(level.id()).stream().sorted().map(ResourceRef::site)
                        .toList();
                List<Grant> userGrants = new ArrayList<>();
                List<Grant> teamGrants = new ArrayList<>();
                for (ResourceRef site : publishing) {
                    Grant g = userGrant(site, u);
                    if (g != null) {
                        userGrants.add(g);
                    }
                    teamGrants.addAll(teamGrantsOfUser(site, u));
                }
                if (!userGrants.isEmpty()) {
                    return Outcome.byGrant(userGrants);
                }
                if (!teamGrants.isEmpty()) {
                    return Outcome.byGrant(teamGrants);
                }
                return Outcome.GO_ON;
            }
            default: {
                ResourceRef r = new ResourceRef(ResourceType.parse(level.kind()), level.id());
                // a. a user grant: its role (null gives none)
                Grant mine = userGrant(r, u);
                if (mine != null) {
                    return Outcome.byGrant(List.of(mine));
                }
                // b. team grants: the highest (null counts as none); the lowest team id names it on a tie
                List<Grant> ours = teamGrantsOfUser(r, u);
                if (!ours.isEmpty()) {
                    return Outcome.byGrant(ours);
                }
                DefaultLevel dl = defaultLevel(r);
                switch (dl.kind()) {
                    case ROLE:
                        // c. a role default, for non-guests
                        return Outcome.decides(m.role() == null ? null : dl.role());
                    case NONE:
                        // d. null default: none
                        return Outcome.decides(null);
                    default:
                        // e. inherit: the parent level
                        return Outcome.GO_ON;
                }
            }
        }
    }

    private DefaultLevel defaultLevel(ResourceRef r) {
        switch (r.type()) {
            case PAGE:
                return page(r.id()).defaultLevel();
            case SPACE:
                return space(r.id()).defaultLevel();
            case COLLECTION:
                return collection(r.id()).defaultLevel();
            default:
                return site(r.id()).defaultLevel();
        }
    }

    /** 5. Parent levels. */
    private Level parent(Level l) {
        switch (l.kind()) {
            case "page": {
                Page p = page(l.id());
                return p.parentId() != null ? new Level("page", p.parentId()) : new Level("space", p.spaceId());
            }
            case "space":
                if (!sitesPublishing(l.id()).isEmpty()) {
                    return new Level("site-level", l.id());
                }
                return collectionOrOrganization(space(l.id()).parentId(), space(l.id()).orgId());
            case "site-level":
                return collectionOrOrganization(space(l.id()).parentId(), space(l.id()).orgId());
            case "collection":
                return collectionOrOrganization(collection(l.id()).parentId(), collection(l.id()).orgId());
            case "site":
                return new Level("organization", site(l.id()).orgId());
            default:
                throw new IllegalStateException("no parent for " + l);
        }
    }

    private static Level collectionOrOrganization(String collectionId, String orgId) {
        return collectionId != null ? new Level("collection", collectionId) : new Level("organization", orgId);
    }

    private List<String> sitesPublishing(String spaceId) {
        return siteSpaces.stream().filter(ss -> ss.spaceId().equals(spaceId)).map(SiteSpace::siteId).distinct()
                .toList();
    }

    // ------------------------------------------------------------------ "What each list returns"

    private List<Member> membersByUserId(String org) {
        return members.stream().filter(m -> m.orgId().equals(org))
                .sorted(Comparator.comparing(Member::userId)).toList();
    }

    /** The aggregate: every (enabled) member with access, by user id; {@code exactly} keeps only that role. */
    public LinkedHashMap<String, Role> aggregate(ResourceRef r, Role exactly) {
        LinkedHashMap<String, Role> out = new LinkedHashMap<>();
        String org = organizationOf(r);
        if (org == null) {
            return out;
        }
        for (Member m : membersByUserId(org)) {
            Role p = effective(m.userId(), r);
            if (p != null && (exactly == null || p == exactly)) {
                out.put(m.userId(), p);
            }
        }
        return out;
    }

    /** Member spaces: space id to permission, by creation time then id, or the reverse when descending. */
    public LinkedHashMap<String, Role> memberSpaces(String org, String u, boolean descending) {
        Comparator<Space> byCreation = Comparator.comparing(Space::createdAt).thenComparing(Space::id);
        List<Space> ordered = spaces.stream().filter(s -> s.orgId().equals(org))
                .sorted(descending ? byCreation.reversed() : byCreation).toList();
        LinkedHashMap<String, Role> out = new LinkedHashMap<>();
        for (Space s : ordered) {
            Role p = effective(u, ResourceRef.space(s.id()));
            if (p != null) {
                out.put(s.id(), p);
            }
        }
        return out;
    }

    /** The site aggregate: for each member, the first source that gives access. */
    public List<SiteLine> siteAggregate(String siteId) {
        List<SiteLine> out = new ArrayList<>();
        Site site = site(siteId);
        if (site == null) {
            return out;
        }
        for (Member m : membersByUserId(site.orgId())) {
            SiteLine line = siteLine(site, m);
            if (line != null) {
                out.add(line);
            }
        }
        return out;
    }

    private SiteLine siteLine(Site site, Member m) {
        String u = m.userId();
        // 1. member role admin
        if (m.role() == Role.ADMIN) {
            return new SiteLine(u, Role.ADMIN, m.disabled(), "organization:" + site.orgId(), null);
        }
        // 2. rules a-e on the site itself
        ResourceRef here = ResourceRef.site(site.id());
        Grant mine = userGrant(here, u);
        if (mine != null) {
            if (mine.role() != null) {
                return new SiteLine(u, mine.role(), m.disabled(), "site:" + site.id() + ":member", mine.expiresAt());
            }
        } else if (!teamGrantsOfUser(here, u).isEmpty()) {
            // the team that gave the highest role; lowest team id on a tie
            Grant top = teamGrantsOfUser(here, u).stream()
                    .filter(g -> g.role() != null)
                    .sorted(Comparator.comparing((Grant g) -> -g.role().ordinal()).thenComparing(g -> g.subject().id()))
                    .findFirst().orElse(null);
            if (top != null) {
                return new SiteLine(u, top.role(), m.disabled(), "site:" + site.id() + ":team:" + top.subject().id(),
                        top.expiresAt());
            }
        } else if (m.role() != null && site.defaultLevel().kind() == DefaultLevel.Kind.ROLE) {
            return new SiteLine(u, site.defaultLevel().role(), m.disabled(), "site:" + site.id() + ":default", null);
        } else if (m.role() != null && site.defaultLevel().isInherit()) {
            return new SiteLine(u, m.role(), m.disabled(), "organization:" + site.orgId(), null);
        }
        // 3. the highest permission over the spaces it publishes; first in the site's order on a tie
        List<SiteSpace> inOrder = siteSpaces.stream().filter(ss -> ss.siteId().equals(site.id()))
                .sorted(Comparator.comparingLong(SiteSpace::position).thenComparing(SiteSpace::id)).toList();
        Role best = null;
        String bestSpace = null;
        for (SiteSpace ss : inOrder) {
            Role p = space(ss.spaceId()) == null ? null : effective(u, ResourceRef.space(ss.spaceId()), true);
            if (p != null && (best == null || p.ordinal() > best.ordinal())) {
                best = p;
                bestSpace = ss.spaceId();
            }
        }
        if (best == null) {
            return null;
        }
        // as if enabled: the space's walk is the one the permission came from
        Instant until = inDeletedSpace(ResourceRef.space(bestSpace)) ? null
                : decision(m, new Level("space", bestSpace)).until();
        return new SiteLine(u, best, m.disabled(), "space:" + bestSpace, until);
    }
}
