package dev.gatehouse.engine;

import dev.gatehouse.model.AccessRequest;
import dev.gatehouse.model.ApiToken;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Organization;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ResourceType;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.ShareLink;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.SiteSpace;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.model.SubjectType;
import dev.gatehouse.model.Team;
import dev.gatehouse.model.TeamMembership;
import dev.gatehouse.model.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Every object Gatehouse knows, kept in maps shaped for the questions reads ask: by id, and in the
 * orders that lists page through (members and grants by subject id, spaces by creation time, a site's
 * spaces by position), so that a page of a list starts where the cursor points instead of at the top.
 * Beside them sit the structures permission walks read, shaped for point lookups rather than order:
 * a {@link Node} per resource (its grants by subject key, references to the levels above) and a
 * {@link Principal} per member. Every change updates both sides.
 *
 * <p>Not thread-safe: {@link Index} serializes {@link #apply} against readers. Returned collections are
 * live read-only views; callers must not keep them beyond the read that fetched them.
 */
public final class World {

    /** Orders spaces as member-spaces lists them: creation time, then id. */
    public static final Comparator<Space> SPACE_ORDER =
            Comparator.comparing(Space::createdAt).thenComparing(Space::id);
    /** Orders members as GitBook lists them by default: join time, then user id. */
    public static final Comparator<Member> MEMBER_JOIN_ORDER =
            Comparator.comparing(Member::joinedAt).thenComparing(Member::userId);
    /** Orders a site's spaces: position, then id. */
    public static final Comparator<SiteSpace> SITE_SPACE_ORDER =
            Comparator.comparingLong(SiteSpace::position).thenComparing(SiteSpace::id);
    /** Orders a space's pages among siblings: position, then id. */
    public static final Comparator<Page> PAGE_ORDER =
            Comparator.comparingLong(Page::position).thenComparing(Page::id);

    private final Map<String, User> users = new HashMap<>();
    private final Map<String, String> userIdByEmail = new HashMap<>();
    /** Users whose email is not lower-case ASCII ({@link #emailsAllPlain}). */
    private int unusualEmails;

    private final TreeMap<String, Organization> organizations = new TreeMap<>();
    private final Map<String, TreeMap<String, Member>> membersByOrg = new HashMap<>();
    private final Map<String, TreeSet<Member>> membersByJoined = new HashMap<>();
    /**
     * Point lookups of members: every permission question starts with one, so it must not walk a tree. The
     * value carries the user's grant key and teams too, saving the walk another lookup.
     */
    private final Map<String, HashMap<String, Principal>> memberLookup = new HashMap<>();
    private final Map<String, TreeSet<String>> orgsByUser = new HashMap<>();
    /**
     * The member entry of each user who is a member of exactly one organization (most are). A permission
     * question looks it up by user id alone, before it knows the resource's organization: the two lookups
     * do not wait on each other, so the processor overlaps their cache misses.
     */
    private final Map<String, Principal> soleMembership = new HashMap<>();
    /** Admins by organization: aggregates always list them, and must find them without a pass over all members. */
    private final Map<String, TreeSet<String>> adminsByOrg = new HashMap<>();

    private final Map<String, Team> teams = new HashMap<>();
    private final Map<String, TreeMap<String, Team>> teamsByOrg = new HashMap<>();
    private final Map<String, TreeMap<String, TeamMembership>> membershipsByTeam = new HashMap<>();
    private final Map<String, TreeSet<String>> teamsByUser = new HashMap<>();
    /**
     * Numbers for users and teams, so that grants are found by an int ({@link RoleTable}). A number is never
     * reused: a grant's number must always mean the subject it was made for.
     */
    private final Map<String, Grantee> grantees = new HashMap<>();
    private final Map<String, TeamGrantee> teamGrantees = new HashMap<>();

    /** A team as grants name it: its key, and what it holds grants on (in the order granted; null for nothing). */
    private static final class TeamGrantee {
        final int key;
        Set<ResourceRef> held;

        TeamGrantee(int key) {
            this.key = key;
        }
    }

    private final Map<String, Collection> collections = new HashMap<>();
    private final Map<String, TreeMap<String, Collection>> collectionsByOrg = new HashMap<>();
    private final Map<String, TreeSet<String>> childCollections = new HashMap<>();

    private final Map<String, Space> spaces = new HashMap<>();
    /** Each with its node: listing a member's spaces walks them all, and spares a lookup by id per space. */
    private final Map<String, TreeMap<Space, Node>> spacesByOrg = new HashMap<>();
    private final Map<String, TreeSet<Space>> spacesByCollection = new HashMap<>();

    private final Map<String, Site> sites = new HashMap<>();
    private final Map<String, TreeMap<String, Site>> sitesByOrg = new HashMap<>();
    private final Map<String, SiteSpace> siteSpaces = new HashMap<>();
    private final Map<String, TreeSet<SiteSpace>> siteSpacesBySite = new HashMap<>();
    private final Map<String, TreeSet<String>> sitesBySpace = new HashMap<>();

    private final Map<String, Page> pages = new HashMap<>();
    private final Map<String, TreeSet<Page>> pagesBySpace = new HashMap<>();
    /** Ids of the pages directly under a page: a new node for the parent id must be linked to them. */
    private final Map<String, TreeSet<String>> pagesByParent = new HashMap<>();

    /** Direct grants of one resource, users and teams apart, each ordered by subject id. */
    public record Grants(TreeMap<String, Grant> users, TreeMap<String, Grant> teams) {
        static Grants create() {
            return new Grants(new TreeMap<>(), new TreeMap<>());
        }

        boolean isEmpty() {
            return users.isEmpty() && teams.isEmpty();
        }
    }

    /** The grants of a resource without any. Never written to. */
    static final Grants NO_GRANTS = new Grants(new TreeMap<>(), new TreeMap<>());

    /** What permission walks read, per resource type, by id: see {@link Node}. Grants live there too. */
    private final Map<ResourceType, Map<String, Node>> nodes = new EnumMap<>(ResourceType.class);

    {
        for (ResourceType t : ResourceType.values()) {
            nodes.put(t, new HashMap<>());
        }
    }
    /** The grants that expire, earliest first. */
    private final Expiries expiries = new Expiries();
    /** The instant reads answer for: see {@link ReadTime}. */
    private final ReadTime time;

    /** A world whose reads answer for the system clock's time unless they pin another. */
    public World() {
        this(Clock.systemUTC());
    }

    /** A world whose reads answer for {@code clock}'s time unless they pin another. */
    public World(Clock clock) {
        this.time = new ReadTime(clock);
    }

    /** Kept as members and grants come and go, so that their counts never need a walk of the world. */
    private int memberCount;
    private int grantCount;

    private final Map<String, ApiToken> tokens = new HashMap<>();
    private final Map<String, ApiToken> tokensByHash = new HashMap<>();
    private final Map<String, TreeMap<String, ApiToken>> tokensByUser = new HashMap<>();

    private final ScimState scim = new ScimState();

    private final Map<String, dev.gatehouse.model.LinkInvite> linkInvites = new HashMap<>();
    private final Map<String, TreeMap<String, dev.gatehouse.model.LinkInvite>> linkInvitesByOrg = new HashMap<>();

    private final Map<String, ShareLink> shareLinks = new HashMap<>();
    private final Map<String, TreeMap<String, ShareLink>> shareLinksBySite = new HashMap<>();

    private final Map<String, AccessRequest> accessRequests = new HashMap<>();
    /** By resource, then by id: the order requests are listed in. */
    private final Map<ResourceRef, TreeMap<String, AccessRequest>> accessRequestsByResource = new HashMap<>();
    /** By resource, then by requester: one request per person and resource. */
    private final Map<ResourceRef, HashMap<String, AccessRequest>> accessRequestsByRequester = new HashMap<>();

    // ---------------------------------------------------------------- sizes, each O(1)

    public int organizationCount() {
        return organizations.size();
    }

    public int memberCount() {
        return memberCount;
    }

    /** Collections, spaces, sites and pages. */
    public int resourceCount() {
        return collections.size() + spaces.size() + sites.size() + pages.size();
    }

    public int grantCount() {
        return grantCount;
    }

    // ---------------------------------------------------------------- applying changes

    /**
     * Applies one change. Changes are trusted: the service validated them before the store committed them.
     */
    public void apply(Change change) {
        change.accept(applier);
    }

    /**
     * Applies one change and returns what puts the world back exactly as it was before it. A group of writes
     * plans each write against the world as the earlier ones left it, then takes them all back before any
     * reader may look, since none of them is committed yet (see {@link Reversal}).
     */
    public Runnable applyReversibly(Change change) {
        Runnable undo = change.accept(new Reversal(this));
        apply(change);
        return undo;
    }

    private final Change.Visitor<Void> applier = new Change.Visitor<>() {
        @Override
        public Void userPut(Change.UserPut c) {
            putUser(c.user());
            return null;
        }

        @Override
        public Void userRemoved(Change.UserRemoved c) {
            removeUser(c.userId());
            return null;
        }

        @Override
        public Void organizationPut(Change.OrganizationPut c) {
            organizations.put(c.organization().id(), c.organization());
            return null;
        }

        @Override
        public Void memberPut(Change.MemberPut c) {
            putMember(c.member());
            return null;
        }

        @Override
        public Void memberRemoved(Change.MemberRemoved c) {
            removeMember(c.orgId(), c.userId());
            return null;
        }

        @Override
        public Void teamPut(Change.TeamPut c) {
            putTeam(c.team());
            return null;
        }

        @Override
        public Void teamRemoved(Change.TeamRemoved c) {
            removeTeam(c.teamId());
            return null;
        }

        @Override
        public Void teamMemberPut(Change.TeamMemberPut c) {
            putMembership(c.membership());
            return null;
        }

        @Override
        public Void teamMemberRemoved(Change.TeamMemberRemoved c) {
            removeMembership(c.teamId(), c.userId());
            return null;
        }

        @Override
        public Void collectionPut(Change.CollectionPut c) {
            putCollection(c.collection());
            return null;
        }

        @Override
        public Void collectionRemoved(Change.CollectionRemoved c) {
            removeCollection(c.collectionId());
            return null;
        }

        @Override
        public Void spacePut(Change.SpacePut c) {
            putSpace(c.space());
            return null;
        }

        @Override
        public Void spaceRemoved(Change.SpaceRemoved c) {
            removeSpace(c.spaceId());
            return null;
        }

        @Override
        public Void sitePut(Change.SitePut c) {
            putSite(c.site());
            return null;
        }

        @Override
        public Void siteRemoved(Change.SiteRemoved c) {
            removeSite(c.siteId());
            return null;
        }

        @Override
        public Void siteSpacePut(Change.SiteSpacePut c) {
            putSiteSpace(c.siteSpace());
            return null;
        }

        @Override
        public Void siteSpaceRemoved(Change.SiteSpaceRemoved c) {
            removeSiteSpace(c.siteSpaceId());
            return null;
        }

        @Override
        public Void pagePut(Change.PagePut c) {
            putPage(c.page());
            return null;
        }

        @Override
        public Void pageRemoved(Change.PageRemoved c) {
            removePage(c.pageId());
            return null;
        }

        @Override
        public Void grantPut(Change.GrantPut c) {
            putGrant(c.grant());
            return null;
        }

        @Override
        public Void grantRemoved(Change.GrantRemoved c) {
            removeGrant(c.resource(), c.subject());
            return null;
        }

        @Override
        public Void grantExpired(Change.GrantExpired c) {
            expireGrant(c.resource(), c.subject(), c.expiresAt());
            return null;
        }

        @Override
        public Void tokenPut(Change.TokenPut c) {
            putToken(c.token());
            return null;
        }

        @Override
        public Void tokenRemoved(Change.TokenRemoved c) {
            removeToken(c.tokenId());
            return null;
        }

        @Override
        public Void linkInvitePut(Change.LinkInvitePut c) {
            putLinkInvite(c.invite());
            return null;
        }

        @Override
        public Void linkInviteRemoved(Change.LinkInviteRemoved c) {
            removeLinkInvite(c.inviteId());
            return null;
        }

        @Override
        public Void linkInviteUsed(Change.LinkInviteUsed c) {
            dev.gatehouse.model.LinkInvite k = linkInvites.get(c.inviteId());
            if (k != null) {
                putLinkInvite(k.used());
            }
            return null;
        }

        @Override
        public Void siteShareLinkPut(Change.SiteShareLinkPut c) {
            putShareLink(c.link());
            return null;
        }

        @Override
        public Void siteShareLinkRemoved(Change.SiteShareLinkRemoved c) {
            removeShareLink(c.shareLinkId());
            return null;
        }

        @Override
        public Void accessRequestPut(Change.AccessRequestPut c) {
            putAccessRequest(c.request());
            return null;
        }

        @Override
        public Void accessRequestRemoved(Change.AccessRequestRemoved c) {
            removeAccessRequest(c.requestId());
            return null;
        }

        @Override
        public Void scimTokenPut(Change.ScimTokenPut c) {
            scim.putToken(c.token());
            return null;
        }

        @Override
        public Void scimTokenRemoved(Change.ScimTokenRemoved c) {
            scim.removeToken(c.tokenId());
            return null;
        }

        @Override
        public Void scimRecordPut(Change.ScimRecordPut c) {
            scim.putRecord(c.record());
            return null;
        }

        @Override
        public Void scimRecordRemoved(Change.ScimRecordRemoved c) {
            scim.removeRecord(c.orgId(), c.kind(), c.id());
            return null;
        }
    };

    void putLinkInvite(dev.gatehouse.model.LinkInvite k) {
        linkInvites.put(k.id(), k);
        linkInvitesByOrg.computeIfAbsent(k.orgId(), x -> new TreeMap<>()).put(k.id(), k);
    }

    void removeLinkInvite(String id) {
        dev.gatehouse.model.LinkInvite old = linkInvites.remove(id);
        if (old != null) {
            removeFrom(linkInvitesByOrg, old.orgId(), id);
        }
    }

    void removeOrganization(String id) {
        organizations.remove(id);
    }

    void putUser(User user) {
        User old = users.put(user.id(), user);
        if (old != null && old.email() != null) {
            userIdByEmail.remove(old.email());
            unusualEmails -= unusual(old.email()) ? 1 : 0;
        }
        if (user.email() != null) {
            userIdByEmail.put(user.email(), user.id());
            unusualEmails += unusual(user.email()) ? 1 : 0;
        }
    }

    void removeUser(String userId) {
        User old = users.remove(userId);
        if (old != null && old.email() != null) {
            userIdByEmail.remove(old.email());
            unusualEmails -= unusual(old.email()) ? 1 : 0;
        }
    }

    /** Whether an email holds anything but lower-case ASCII, which a comparison ignoring case could fold. */
    private static boolean unusual(String email) {
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (c > 127 || c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether every user's email is lower-case ASCII. Then two emails equal ignoring case are equal, so the user
     * an email matches ignoring case is found by {@link #userByEmail} of its lower case.
     */
    public boolean emailsAllPlain() {
        return unusualEmails == 0;
    }

    void putMember(Member member) {
        Member old = membersByOrg.computeIfAbsent(member.orgId(), k -> new TreeMap<>()).put(member.userId(), member);
        if (old != null) {
            removeFromSet(membersByJoined, old.orgId(), old);
        } else {
            memberCount++;
        }
        membersByJoined.computeIfAbsent(member.orgId(), k -> new TreeSet<>(MEMBER_JOIN_ORDER)).add(member);
        memberLookup.computeIfAbsent(member.orgId(), k -> new HashMap<>())
                .put(member.userId(), new Principal(member, grantee(member.userId())));
        orgsByUser.computeIfAbsent(member.userId(), k -> new TreeSet<>()).add(member.orgId());
        refreshSoleMembership(member.userId());
        if (member.role() == Role.ADMIN) {
            adminsByOrg.computeIfAbsent(member.orgId(), k -> new TreeSet<>()).add(member.userId());
        } else {
            removeFromSet(adminsByOrg, member.orgId(), member.userId());
        }
    }

    void removeMember(String orgId, String userId) {
        Member old = member(orgId, userId);
        if (old != null) {
            removeFromSet(membersByJoined, orgId, old);
            memberCount--;
        }
        removeFrom(membersByOrg, orgId, userId);
        removeFrom(memberLookup, orgId, userId);
        removeFromSet(orgsByUser, userId, orgId);
        removeFromSet(adminsByOrg, orgId, userId);
        refreshSoleMembership(userId);
    }

    private void refreshSoleMembership(String userId) {
        TreeSet<String> orgs = orgsByUser.get(userId);
        if (orgs != null && orgs.size() == 1) {
            soleMembership.put(userId, principal(orgs.first(), userId));
        } else {
            soleMembership.remove(userId);
        }
    }

    void putTeam(Team team) {
        teams.put(team.id(), team);
        teamsByOrg.computeIfAbsent(team.orgId(), k -> new TreeMap<>()).put(team.id(), team);
    }

    /** Takes back a team that was just put, and only it: its memberships are taken back on their own. */
    void unputTeam(String teamId) {
        Team old = teams.remove(teamId);
        if (old != null) {
            removeFrom(teamsByOrg, old.orgId(), teamId);
        }
    }

    void removeTeam(String teamId) {
        Team old = teams.remove(teamId);
        if (old != null) {
            removeFrom(teamsByOrg, old.orgId(), teamId);
        }
        TreeMap<String, TeamMembership> left = membershipsByTeam.remove(teamId);
        if (left != null) {
            for (String userId : left.keySet()) {
                removeFromSet(teamsByUser, userId, teamId);
                refreshTeams(userId);
            }
        }
    }

    void putMembership(TeamMembership m) {
        membershipsByTeam.computeIfAbsent(m.teamId(), k -> new TreeMap<>()).put(m.userId(), m);
        teamsByUser.computeIfAbsent(m.userId(), k -> new TreeSet<>()).add(m.teamId());
        refreshTeams(m.userId());
    }

    void removeMembership(String teamId, String userId) {
        removeFrom(membershipsByTeam, teamId, userId);
        removeFromSet(teamsByUser, userId, teamId);
        refreshTeams(userId);
    }

    private void refreshTeams(String userId) {
        TreeSet<String> ids = teamsByUser.getOrDefault(userId, new TreeSet<>());
        int[] keys = new int[ids.size()];
        int i = 0;
        for (String teamId : ids) {
            keys[i++] = teamKey(teamId);
        }
        grantee(userId).setTeams(ids, keys);
    }

    private Grantee grantee(String userId) {
        return grantees.computeIfAbsent(userId, k -> new Grantee(grantees.size()));
    }

    private int teamKey(String teamId) {
        return teamGrantee(teamId).key;
    }

    private TeamGrantee teamGrantee(String teamId) {
        return teamGrantees.computeIfAbsent(teamId, k -> new TeamGrantee(Grantee.teamKey(teamGrantees.size())));
    }

    void putCollection(Collection c) {
        Collection old = collections.put(c.id(), c);
        if (old != null && old.parentId() != null) {
            removeFromSet(childCollections, old.parentId(), old.id());
        }
        if (c.parentId() != null) {
            childCollections.computeIfAbsent(c.parentId(), k -> new TreeSet<>()).add(c.id());
        }
        collectionsByOrg.computeIfAbsent(c.orgId(), k -> new TreeMap<>()).put(c.id(), c);
        Node n = obtainNode(ResourceType.COLLECTION, c.id());
        n.exists = true;
        n.defaultLevel = c.defaultLevel();
        n.orgId = c.orgId();
        n.parent = node(ResourceType.COLLECTION, c.parentId());
    }

    void removeCollection(String id) {
        Collection old = collections.remove(id);
        if (old != null) {
            if (old.parentId() != null) {
                removeFromSet(childCollections, old.parentId(), id);
            }
            removeFrom(collectionsByOrg, old.orgId(), id);
            vanish(ResourceType.COLLECTION, id);
        }
    }

    void putSpace(Space s) {
        Space old = spaces.put(s.id(), s);
        if (old != null) {
            removeSpaceFromIndexes(old);
        }
        Node n = obtainNode(ResourceType.SPACE, s.id());
        spacesByOrg.computeIfAbsent(s.orgId(), k -> new TreeMap<>(SPACE_ORDER)).put(s, n);
        if (s.parentId() != null) {
            spacesByCollection.computeIfAbsent(s.parentId(), k -> new TreeSet<>(SPACE_ORDER)).add(s);
        }
        n.exists = true;
        n.defaultLevel = s.defaultLevel();
        n.orgId = s.orgId();
        n.deleted = s.deleted();
        n.parent = node(ResourceType.COLLECTION, s.parentId());
    }

    void removeSpace(String id) {
        Space old = spaces.remove(id);
        if (old != null) {
            removeSpaceFromIndexes(old);
            vanish(ResourceType.SPACE, id);
        }
    }

    private void removeSpaceFromIndexes(Space old) {
        removeFrom(spacesByOrg, old.orgId(), old);
        if (old.parentId() != null) {
            removeFromSet(spacesByCollection, old.parentId(), old);
        }
    }

    void putSite(Site site) {
        sites.put(site.id(), site);
        sitesByOrg.computeIfAbsent(site.orgId(), k -> new TreeMap<>()).put(site.id(), site);
        Node n = obtainNode(ResourceType.SITE, site.id());
        n.exists = true;
        n.defaultLevel = site.defaultLevel();
        n.orgId = site.orgId();
    }

    void removeSite(String id) {
        Site old = sites.remove(id);
        if (old != null) {
            removeFrom(sitesByOrg, old.orgId(), id);
            vanish(ResourceType.SITE, id);
        }
    }

    void putSiteSpace(SiteSpace ss) {
        SiteSpace old = siteSpaces.put(ss.id(), ss);
        if (old != null) {
            removeSiteSpaceFromIndexes(old);
        }
        siteSpacesBySite.computeIfAbsent(ss.siteId(), k -> new TreeSet<>(SITE_SPACE_ORDER)).add(ss);
        sitesBySpace.computeIfAbsent(ss.spaceId(), k -> new TreeSet<>()).add(ss.siteId());
        refreshPublished(ss.spaceId());
    }

    void removeSiteSpace(String id) {
        SiteSpace old = siteSpaces.remove(id);
        if (old != null) {
            removeSiteSpaceFromIndexes(old);
        }
    }

    private void removeSiteSpaceFromIndexes(SiteSpace old) {
        removeFromSet(siteSpacesBySite, old.siteId(), old);
        // A site may publish one space more than once; it stops publishing it when the last one goes.
        boolean stillPublished = siteSpacesBySite.getOrDefault(old.siteId(), new TreeSet<>()).stream()
                .anyMatch(other -> other.spaceId().equals(old.spaceId()));
        if (!stillPublished) {
            removeFromSet(sitesBySpace, old.spaceId(), old.siteId());
            refreshPublished(old.spaceId());
        }
    }

    private void refreshPublished(String spaceId) {
        Node n = node(ResourceType.SPACE, spaceId);
        if (n != null) {
            n.published = sitesBySpace.containsKey(spaceId);
        }
    }

    void putPage(Page page) {
        Page old = pages.put(page.id(), page);
        if (old != null) {
            removePageFromIndexes(old);
        }
        pagesBySpace.computeIfAbsent(page.spaceId(), k -> new TreeSet<>(PAGE_ORDER)).add(page);
        if (page.parentId() != null) {
            pagesByParent.computeIfAbsent(page.parentId(), k -> new TreeSet<>()).add(page.id());
        }
        Node n = obtainNode(ResourceType.PAGE, page.id());
        n.exists = true;
        n.defaultLevel = page.defaultLevel();
        n.parent = node(ResourceType.PAGE, page.parentId());
        n.space = node(ResourceType.SPACE, page.spaceId());
    }

    void removePage(String id) {
        Page old = pages.remove(id);
        if (old != null) {
            removePageFromIndexes(old);
            vanish(ResourceType.PAGE, id);
        }
    }

    private void removePageFromIndexes(Page old) {
        removeFromSet(pagesBySpace, old.spaceId(), old);
        if (old.parentId() != null) {
            removeFromSet(pagesByParent, old.parentId(), old.id());
        }
    }

    void putGrant(Grant grant) {
        SubjectRef subject = grant.subject();
        int key;
        Set<ResourceRef> held;
        // The subject's key and what it holds, from one lookup: an import puts hundreds of thousands of grants,
        // and a second map by subject was a good part of each.
        if (subject.type() == SubjectType.USER) {
            Grantee g = grantee(subject.id());
            key = g.key;
            held = g.held != null ? g.held : (g.held = new LinkedHashSet<>());
        } else {
            TeamGrantee t = teamGrantee(subject.id());
            key = t.key;
            held = t.held != null ? t.held : (t.held = new LinkedHashSet<>());
        }
        Grant old = obtainNode(grant.resource().type(), grant.resource().id()).putGrant(grant, key);
        expiries.replace(old, grant);
        if (held.add(grant.resource())) {
            grantCount++;
        }
    }

    void removeGrant(ResourceRef resource, SubjectRef subject) {
        Grantee user = subject.type() == SubjectType.USER ? grantee(subject.id()) : null;
        TeamGrantee team = user == null ? teamGrantee(subject.id()) : null;
        Node n = node(resource.type(), resource.id());
        if (n != null) {
            expiries.replace(n.removeGrant(subject.type(), subject.id(), user != null ? user.key : team.key), null);
            dropIfUnused(n);
        }
        Set<ResourceRef> held = user != null ? user.held : team.held;
        if (held != null) {
            if (held.remove(resource)) {
                grantCount--;
            }
            if (held.isEmpty()) {
                if (user != null) {
                    user.held = null;
                } else {
                    team.held = null;
                }
            }
        }
    }

    /** What a user or team holds grants on, counted or not, or null for nothing. */
    private Set<ResourceRef> held(SubjectRef subject) {
        if (subject.type() == SubjectType.USER) {
            Grantee g = grantees.get(subject.id());
            return g == null ? null : g.held;
        }
        TeamGrantee t = teamGrantees.get(subject.id());
        return t == null ? null : t.held;
    }

    /** The sweep's removal: only a grant that still expires at {@code expiresAt} goes. */
    void expireGrant(ResourceRef resource, SubjectRef subject, Instant expiresAt) {
        Grant stored = storedGrant(resource, subject);
        if (stored != null && expiresAt.equals(stored.expiresAt())) {
            removeGrant(resource, subject);
        }
    }

    void putToken(ApiToken t) {
        ApiToken old = tokens.put(t.id(), t);
        if (old != null) {
            tokensByHash.remove(old.secretHash());
        }
        tokensByHash.put(t.secretHash(), t);
        tokensByUser.computeIfAbsent(t.userId(), k -> new TreeMap<>()).put(t.id(), t);
    }

    void removeToken(String id) {
        ApiToken old = tokens.remove(id);
        if (old != null) {
            tokensByHash.remove(old.secretHash());
            removeFrom(tokensByUser, old.userId(), id);
        }
    }

    void putShareLink(ShareLink link) {
        removeShareLink(link.id());
        shareLinks.put(link.id(), link);
        shareLinksBySite.computeIfAbsent(link.siteId(), k -> new TreeMap<>()).put(link.id(), link);
    }

    void removeShareLink(String id) {
        ShareLink old = shareLinks.remove(id);
        if (old != null) {
            removeFrom(shareLinksBySite, old.siteId(), id);
        }
    }

    void putAccessRequest(AccessRequest r) {
        removeAccessRequest(r.id());
        accessRequests.put(r.id(), r);
        accessRequestsByResource.computeIfAbsent(r.resource(), k -> new TreeMap<>()).put(r.id(), r);
        accessRequestsByRequester.computeIfAbsent(r.resource(), k -> new HashMap<>()).put(r.userId(), r);
    }

    void removeAccessRequest(String id) {
        AccessRequest old = accessRequests.remove(id);
        if (old == null) {
            return;
        }
        removeFrom(accessRequestsByResource, old.resource(), id);
        HashMap<String, AccessRequest> byUser = accessRequestsByRequester.get(old.resource());
        if (byUser != null) {
            byUser.remove(old.userId(), old);
            if (byUser.isEmpty()) {
                accessRequestsByRequester.remove(old.resource());
            }
        }
    }

    // ---------------------------------------------------------------- nodes

    /** The node of a resource id, or null; null for a null id. */
    Node node(ResourceType type, String id) {
        return id == null ? null : nodes.get(type).get(id);
    }

    Node node(ResourceRef r) {
        return nodes.get(r.type()).get(r.id());
    }

    /** The member entry of a user who is a member of exactly one organization, or null. */
    Principal soleMembership(String userId) {
        return soleMembership.get(userId);
    }

    /** The member as permission walks read them, or null. */
    Principal principal(String orgId, String userId) {
        HashMap<String, Principal> m = memberLookup.get(orgId);
        return m == null ? null : m.get(userId);
    }

    /** The node of a resource id, made (and pointed at by the nodes below it) when there is none yet. */
    private Node obtainNode(ResourceType type, String id) {
        Map<String, Node> byId = nodes.get(type);
        Node n = byId.get(id);
        if (n == null) {
            n = new Node(new ResourceRef(type, id));
            byId.put(id, n);
            linkChildren(n, n);
            n.published = type == ResourceType.SPACE && sitesBySpace.containsKey(id);
        }
        return n;
    }

    /** The resource is gone; its node stays while grants on it are left. */
    private void vanish(ResourceType type, String id) {
        Node n = node(type, id);
        n.exists = false;
        n.parent = null;
        n.space = null;
        dropIfUnused(n);
    }

    private void dropIfUnused(Node n) {
        if (n.unused()) {
            nodes.get(n.type).remove(n.id());
            linkChildren(n, null);
        }
    }

    /**
     * Points the nodes of the existing resources directly below {@code n} (by the ids they name) at
     * {@code to}: the new node of that id, or null when it goes.
     */
    private void linkChildren(Node n, Node to) {
        String id = n.id();
        switch (n.type) {
            case COLLECTION:
                for (String child : childCollections.getOrDefault(id, EMPTY_IDS)) {
                    node(ResourceType.COLLECTION, child).parent = to;
                }
                for (Space child : spacesByCollection.getOrDefault(id, EMPTY_SPACES)) {
                    node(ResourceType.SPACE, child.id()).parent = to;
                }
                break;
            case SPACE:
                for (Page child : pagesBySpace.getOrDefault(id, EMPTY_PAGES)) {
                    node(ResourceType.PAGE, child.id()).space = to;
                }
                break;
            case PAGE:
                for (String child : pagesByParent.getOrDefault(id, EMPTY_IDS)) {
                    node(ResourceType.PAGE, child).parent = to;
                }
                break;
            default:
                break; // nothing hangs below a site
        }
    }

    private static final TreeSet<String> EMPTY_IDS = new TreeSet<>();
    private static final TreeSet<Space> EMPTY_SPACES = new TreeSet<>(SPACE_ORDER);
    private static final TreeSet<Page> EMPTY_PAGES = new TreeSet<>(PAGE_ORDER);

    private static <I, K, V> void removeFrom(Map<I, ? extends Map<K, V>> index, I key, K inner) {
        Map<K, V> m = index.get(key);
        if (m != null) {
            m.remove(inner);
            if (m.isEmpty()) {
                index.remove(key);
            }
        }
    }

    private static <V> void removeFromSet(Map<String, ? extends Set<V>> index, String key, V inner) {
        Set<V> s = index.get(key);
        if (s != null) {
            s.remove(inner);
            if (s.isEmpty()) {
                index.remove(key);
            }
        }
    }

    // ---------------------------------------------------------------- lookups

    public User user(String id) {
        return users.get(id);
    }

    /** The user with this normalized email, or null. */
    public User userByEmail(String normalizedEmail) {
        String id = userIdByEmail.get(normalizedEmail);
        return id == null ? null : users.get(id);
    }

    /**
     * Every record the world holds, as the puts that would rebuild it (parents before children). Two worlds
     * with equal contents answer every question alike: after a fault, a node's index is compared with a
     * fresh load from the database this way.
     */
    public java.util.List<Change> contents() {
        java.util.List<Change> out = new java.util.ArrayList<>();
        users.values().forEach(x -> out.add(new Change.UserPut(x)));
        organizations.values().forEach(x -> out.add(new Change.OrganizationPut(x)));
        membersByOrg.values().forEach(m -> m.values().forEach(x -> out.add(new Change.MemberPut(x))));
        teams.values().forEach(x -> out.add(new Change.TeamPut(x)));
        membershipsByTeam.values().forEach(m -> m.values().forEach(x -> out.add(new Change.TeamMemberPut(x))));
        collections.values().forEach(x -> out.add(new Change.CollectionPut(x)));
        spaces.values().forEach(x -> out.add(new Change.SpacePut(x)));
        sites.values().forEach(x -> out.add(new Change.SitePut(x)));
        siteSpaces.values().forEach(x -> out.add(new Change.SiteSpacePut(x)));
        pages.values().forEach(x -> out.add(new Change.PagePut(x)));
        for (Map<String, Node> byId : nodes.values()) {
            for (Node n : byId.values()) {
                Grants held = n.grants();
                held.users().values().forEach(x -> out.add(new Change.GrantPut(x)));
                held.teams().values().forEach(x -> out.add(new Change.GrantPut(x)));
            }
        }
        tokens.values().forEach(x -> out.add(new Change.TokenPut(x)));
        shareLinks.values().forEach(x -> out.add(new Change.SiteShareLinkPut(x)));
        accessRequests.values().forEach(x -> out.add(new Change.AccessRequestPut(x)));
        linkInvites.values().forEach(x -> out.add(new Change.LinkInvitePut(x)));
        scim.contents(out);
        return out;
    }

    public int userCount() {
        return users.size();
    }

    public Organization organization(String id) {
        return organizations.get(id);
    }

    public NavigableMap<String, Organization> organizations() {
        return java.util.Collections.unmodifiableNavigableMap(organizations);
    }

    public Member member(String orgId, String userId) {
        Principal p = principal(orgId, userId);
        return p == null ? null : p.member;
    }

    /** Members of an organization by user id. */
    public NavigableMap<String, Member> members(String orgId) {
        return view(membersByOrg.get(orgId));
    }

    /** Members of an organization by join time, then user id. */
    public NavigableSet<Member> membersByJoinTime(String orgId) {
        return viewSet(membersByJoined.get(orgId));
    }

    /** Ids of the organizations a user is a member of, ascending. */
    public NavigableSet<String> organizationsOf(String userId) {
        return viewSet(orgsByUser.get(userId));
    }

    /** Ids of the members of an organization whose role is admin (disabled ones too), ascending. */
    public NavigableSet<String> admins(String orgId) {
        return viewSet(adminsByOrg.get(orgId));
    }

    public Team team(String id) {
        return teams.get(id);
    }

    public NavigableMap<String, Team> teams(String orgId) {
        return view(teamsByOrg.get(orgId));
    }

    /** Members of a team by user id. */
    public NavigableMap<String, TeamMembership> teamMembers(String teamId) {
        return view(membershipsByTeam.get(teamId));
    }

    /** Ids of every team the user belongs to, in any organization, ascending. */
    public NavigableSet<String> teamsOf(String userId) {
        return viewSet(teamsByUser.get(userId));
    }

    public Collection collection(String id) {
        return collections.get(id);
    }

    public NavigableMap<String, Collection> collections(String orgId) {
        return view(collectionsByOrg.get(orgId));
    }

    /** Ids of the collections directly inside a collection. */
    public NavigableSet<String> childCollections(String collectionId) {
        return viewSet(childCollections.get(collectionId));
    }

    public Space space(String id) {
        return spaces.get(id);
    }

    /** Spaces of an organization (trashed ones too), by creation time then id. */
    public NavigableSet<Space> spaces(String orgId) {
        TreeMap<Space, Node> m = spacesByOrg.get(orgId);
        return m == null ? java.util.Collections.emptyNavigableSet() : java.util.Collections.unmodifiableNavigableSet(m.navigableKeySet());
    }

    /** {@link #spaces} with each space's node, for the engine's own walks; never written to by them. */
    NavigableMap<Space, Node> spaceNodes(String orgId) {
        TreeMap<Space, Node> m = spacesByOrg.get(orgId);
        return m == null ? java.util.Collections.emptyNavigableMap() : m;
    }

    /** Spaces directly inside a collection (trashed ones too), by creation time then id. */
    public NavigableSet<Space> spacesIn(String collectionId) {
        return viewSet(spacesByCollection.get(collectionId));
    }

    public Site site(String id) {
        return sites.get(id);
    }

    public NavigableMap<String, Site> sites(String orgId) {
        return view(sitesByOrg.get(orgId));
    }

    public SiteSpace siteSpace(String id) {
        return siteSpaces.get(id);
    }

    /** The spaces a site publishes, in the site's order. */
    public NavigableSet<SiteSpace> siteSpaces(String siteId) {
        return viewSet(siteSpacesBySite.get(siteId));
    }

    /** Ids of the sites that publish a space. */
    public NavigableSet<String> sitesPublishing(String spaceId) {
        return viewSet(sitesBySpace.get(spaceId));
    }

    public Page page(String id) {
        return pages.get(id);
    }

    /** Pages of a space by position then id (all depths). */
    public NavigableSet<Page> pages(String spaceId) {
        return viewSet(pagesBySpace.get(spaceId));
    }

    /**
     * Direct grants on a resource that count at the read's instant: one whose expiry has passed is left out
     * even before the sweep removes it.
     */
    public Grants grants(ResourceRef resource) {
        Node n = node(resource);
        if (n == null) {
            return NO_GRANTS;
        }
        Grants all = n.grants();
        if (n.soonest == Expiry.NEVER) {
            return all;
        }
        long now = time.now();
        return Expiry.passed(n.soonest, now) ? counting(all, now) : all;
    }

    /** A copy of {@code all} without the grants expired at {@code now}; made only while some await the sweep. */
    private static Grants counting(Grants all, long now) {
        Grants out = Grants.create();
        all.users().forEach((id, grant) -> {
            if (!Expiry.passed(Expiry.ceiling(grant.expiresAt()), now)) {
                out.users().put(id, grant);
            }
        });
        all.teams().forEach((id, grant) -> {
            if (!Expiry.passed(Expiry.ceiling(grant.expiresAt()), now)) {
                out.teams().put(id, grant);
            }
        });
        return out;
    }

    /** The resources a user or team holds a direct grant on that counts at the read's instant. */
    public Set<ResourceRef> grantsHeldBy(SubjectRef subject) {
        Set<ResourceRef> s = held(subject);
        if (s == null) {
            return Set.of();
        }
        if (expiries.soonest() == Expiry.NEVER || !Expiry.passed(expiries.soonest(), time.now())) {
            return java.util.Collections.unmodifiableSet(s);
        }
        long now = time.now();
        Set<ResourceRef> out = new LinkedHashSet<>();
        for (ResourceRef r : s) {
            if (!Expiry.passed(Expiry.ceiling(storedGrant(r, subject).expiresAt()), now)) {
                out.add(r);
            }
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    /** The grant stored for (resource, subject), whether it still counts or not, or null. */
    Grant storedGrant(ResourceRef resource, SubjectRef subject) {
        Node n = node(resource);
        return n == null ? null : n.stored(subject.type(), subject.id());
    }

    // ---------------------------------------------------------------- time

    /**
     * The grants whose expiry has passed at the read's instant and that the sweep has not removed yet,
     * earliest first, at most {@code limit}. They count for nothing already; removing them changes no answer.
     */
    public java.util.List<Grant> expiredGrants(int limit) {
        return expiries.due(time.now(), limit);
    }

    /** The earliest expiry of any grant, passed or not, or null when no grant expires. */
    public Instant nextExpiry() {
        return expiries.soonest() == Expiry.NEVER ? null : Expiry.instant(expiries.soonest());
    }

    /** How many grants carry an expiry (expired ones not swept yet included). */
    public int expiringGrantCount() {
        return expiries.size();
    }

    /**
     * Answers {@code read} as at instant {@code at}: every grant expiring at or before it counts for nothing.
     * Tests and tools ask this way; the service's reads pin the clock's time through {@link Index}.
     */
    public <T> T at(Instant at, Supplier<T> read) {
        long before = time.pin(Expiry.floor(at));
        try {
            return read.get();
        } finally {
            time.unpin(before);
        }
    }

    /** The instant, in microseconds, that the current read answers for. */
    long now() {
        return time.now();
    }

    ReadTime time() {
        return time;
    }

    public ApiToken token(String id) {
        return tokens.get(id);
    }

    public ApiToken tokenByHash(String secretHash) {
        return tokensByHash.get(secretHash);
    }

    public NavigableMap<String, ApiToken> tokensOf(String userId) {
        return view(tokensByUser.get(userId));
    }

    /** For {@link Reversal}: SCIM's part of the world, to put back. */
    ScimState scimState() {
        return scim;
    }

    public dev.gatehouse.model.ScimToken scimToken(String id) {
        return scim.token(id);
    }

    public dev.gatehouse.model.ScimToken scimTokenByHash(String secretHash) {
        return scim.tokenByHash(secretHash);
    }

    /** An organization's SCIM tokens by id. */
    public NavigableMap<String, dev.gatehouse.model.ScimToken> scimTokensOf(String orgId) {
        return scim.tokensOf(orgId);
    }

    /** What SCIM keeps of a member or team, or null. */
    public dev.gatehouse.model.ScimRecord scimRecord(String orgId, dev.gatehouse.model.ScimRecord.Kind kind, String id) {
        return scim.record(orgId, kind, id);
    }

    /** An invite link by its id (its secret), or null. */
    public dev.gatehouse.model.LinkInvite linkInvite(String id) {
        return linkInvites.get(id);
    }

    /** An organization's invite links, by id. */
    public NavigableMap<String, dev.gatehouse.model.LinkInvite> linkInvites(String orgId) {
        return view(linkInvitesByOrg.get(orgId));
    }

    public ShareLink shareLink(String id) {
        return shareLinks.get(id);
    }

    /** A site's share links, by id. */
    public NavigableMap<String, ShareLink> shareLinks(String siteId) {
        return view(shareLinksBySite.get(siteId));
    }

    public AccessRequest accessRequest(String id) {
        return accessRequests.get(id);
    }

    /** The access requests on a resource, by id, whatever their status. */
    public NavigableMap<String, AccessRequest> accessRequests(ResourceRef resource) {
        return view(accessRequestsByResource.get(resource));
    }

    /** The one request of a user on a resource, or null. */
    public AccessRequest accessRequestOf(ResourceRef resource, String userId) {
        HashMap<String, AccessRequest> byUser = accessRequestsByRequester.get(resource);
        return byUser == null ? null : byUser.get(userId);
    }

    /** The organization a resource belongs to, or null when the resource does not exist. */
    public String organizationOf(ResourceRef r) {
        return switch (r.type()) {
            case COLLECTION -> {
                Collection c = collections.get(r.id());
                yield c == null ? null : c.orgId();
            }
            case SPACE -> {
                Space s = spaces.get(r.id());
                yield s == null ? null : s.orgId();
            }
            case SITE -> {
                Site s = sites.get(r.id());
                yield s == null ? null : s.orgId();
            }
            case PAGE -> {
                Page p = pages.get(r.id());
                Space s = p == null ? null : spaces.get(p.spaceId());
                yield s == null ? null : s.orgId();
            }
        };
    }

    public boolean exists(ResourceRef r) {
        return organizationOf(r) != null;
    }

    private static <K, V> NavigableMap<K, V> view(TreeMap<K, V> m) {
        return m == null ? java.util.Collections.emptyNavigableMap() : java.util.Collections.unmodifiableNavigableMap(m);
    }

    private static <V> NavigableSet<V> viewSet(TreeSet<V> s) {
        return s == null ? java.util.Collections.emptyNavigableSet() : java.util.Collections.unmodifiableNavigableSet(s);
    }
}
