package dev.gatehouse.oracle;

import dev.gatehouse.model.Change;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Organization;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.SiteSpace;
import dev.gatehouse.model.SiteVisibility;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.model.SubjectType;
import dev.gatehouse.model.Team;
import dev.gatehouse.model.TeamMembership;
import dev.gatehouse.model.TeamRole;
import dev.gatehouse.model.User;
import dev.gatehouse.model.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Small random worlds, as valid lists of {@link Change}s a service could have written: 1-8 users, 1-2
 * organizations (admins, roles, guests, disabled members), teams, collections nested up to 4 deep,
 * spaces (some soft-deleted, every kind of default level), sites publishing some spaces (a space may be
 * on two sites, or twice on one), nested pages, grants to users and teams (null grants too), and then a
 * few removals and updates (a grant removed, a member removed with their grants and team places, a team
 * member removed, a team removed with its grants, a site space removed, a member or space changed).
 * Some grants expire, at one of a few instants an hour apart (so that several expire at once), and some of
 * those are then swept or given again, as the sweep and a later write would.
 *
 * <p>Every decision is drawn from a list of integers, and 0 is always the simplest choice (fewer objects,
 * "inherit", no deletion); {@link #world(long)} draws that list from a seeded generator, so a seed names
 * one world exactly.
 */
public final class RandomWorlds {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Role[] ROLES = Role.values();
    /** The instants grants expire at: few, so that several grants expire at the same one. */
    private static final Instant[] EXPIRIES = {T0.plusSeconds(3600), T0.plusSeconds(7200), T0.plusSeconds(10_800)};

    private RandomWorlds() {
    }

    /** One world drawn from a seeded generator: the same seed, the same world. */
    public static GeneratedWorld world(long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<Integer> raw = new ArrayList<>(300);
        for (int i = 0; i < 300; i++) {
            raw.add(random.nextInt(10_000));
        }
        return build(raw);
    }

    /** Draws choices from the list; past its end every choice is 0. */
    private static final class Choices {
        private final List<Integer> values;
        private int next;

        Choices(List<Integer> values) {
            this.values = values;
        }

        int below(int bound) {
            int v = next < values.size() ? values.get(next) : 0;
            next++;
            return v % bound;
        }

        /** True once in {@code n}. */
        boolean oneIn(int n) {
            return below(n) == n - 1;
        }

        <T> T pick(List<T> from) {
            return from.get(below(from.size()));
        }
    }

    static GeneratedWorld build(List<Integer> raw) {
        return new Builder(new Choices(raw)).build();
    }

    private static final class Builder {
        private final Choices c;
        private final List<Change> changes = new ArrayList<>();
        private final List<String> users = new ArrayList<>();
        private final List<String> orgs = new ArrayList<>();
        private final Map<String, TreeMap<String, Member>> members = new HashMap<>();
        private final Map<String, List<String>> teamsByOrg = new HashMap<>();
        private final Map<String, TreeSet<String>> teamMembers = new HashMap<>();
        private final List<Collection> collections = new ArrayList<>();
        private final List<Space> spaces = new ArrayList<>();
        private final List<Site> sites = new ArrayList<>();
        private final List<SiteSpace> siteSpaces = new ArrayList<>();
        private final List<Page> pages = new ArrayList<>();
        private final Map<String, String> orgOfResource = new HashMap<>();
        private final List<ResourceRef> resources = new ArrayList<>();
        private final LinkedHashMap<List<Object>, Grant> grants = new LinkedHashMap<>();
        private final Set<String> features = new TreeSet<>();
        private int counter;

        Builder(Choices c) {
            this.c = c;
        }

        GeneratedWorld build() {
            users();
            organizations();
            teams();
            collections();
            spaces();
            sites();
            pages();
            grants();
            removalsAndUpdates();
            return new GeneratedWorld(changes, queryUsers(), queryResources(), queryOrgs(), querySites(), features());
        }

        private void users() {
            int n = 1 + c.below(8);
            for (int i = 1; i <= n; i++) {
                users.add("u" + i);
                changes.add(new Change.UserPut(new User("u" + i, "User " + i, null, null, false, T0)));
            }
        }

        private void organizations() {
            int n = 1 + c.below(2);
            for (int i = 1; i <= n; i++) {
                String org = "o" + i;
                orgs.add(org);
                members.put(org, new TreeMap<>());
                teamsByOrg.put(org, new ArrayList<>());
                changes.add(new Change.OrganizationPut(new Organization(org, "Org " + i, Role.READ, T0)));
                for (String u : users) {
                    int kind = c.below(5); // 0: not a member, 1: guest, else a role
                    if (kind > 0) {
                        putMember(org, u, kind == 1 ? null : ROLES[c.below(ROLES.length)], c.oneIn(6));
                    }
                }
            }
        }

        private void putMember(String org, String user, Role role, boolean disabled) {
            Member m = new Member(org, user, role, disabled, T0);
            members.get(org).put(user, m);
            changes.add(new Change.MemberPut(m));
        }

        private void teams() {
            for (String org : orgs) {
                int n = c.below(4);
                for (int i = 0; i < n; i++) {
                    String team = "t" + (++counter);
                    teamsByOrg.get(org).add(team);
                    teamMembers.put(team, new TreeSet<>());
                    changes.add(new Change.TeamPut(new Team(team, org, team, T0)));
                    for (String u : members.get(org).keySet()) {
                        if (c.below(2) == 1) {
                            teamMembers.get(team).add(u);
                            TeamRole role = c.oneIn(3) ? TeamRole.OWNER : TeamRole.MEMBER;
                            changes.add(new Change.TeamMemberPut(new TeamMembership(team, u, role)));
                        }
                    }
                }
            }
        }

        /** Mostly inherit (it makes the walks long), then null, then a role. */
        private DefaultLevel defaultLevel() {
            int k = c.below(10);
            if (k < 5) {
                return DefaultLevel.INHERIT;
            }
            if (k < 7) {
                return DefaultLevel.NONE;
            }
            return DefaultLevel.of(ROLES[c.below(ROLES.length)]);
        }

        private void collections() {
            int n = c.below(5);
            for (int i = 1; i <= n; i++) {
                String org = c.pick(orgs);
                List<Collection> sameOrg = collections.stream().filter(x -> x.orgId().equals(org)).toList();
                String parent = null;
                int how = c.below(3); // 0: top level, 1: inside the newest one (deep chains), 2: inside any
                if (how == 1 && !sameOrg.isEmpty()) {
                    parent = sameOrg.get(sameOrg.size() - 1).id();
                } else if (how == 2 && !sameOrg.isEmpty()) {
                    parent = c.pick(sameOrg).id();
                }
                Collection col = new Collection("c" + i, org, parent, "c" + i, null, defaultLevel(), T0);
                collections.add(col);
                addResource(ResourceRef.collection(col.id()), org);
                changes.add(new Change.CollectionPut(col));
            }
        }

        private void spaces() {
            int n = 1 + c.below(4);
            for (int i = 1; i <= n; i++) {
                String org = c.pick(orgs);
                List<Collection> sameOrg = collections.stream().filter(x -> x.orgId().equals(org)).toList();
                String parent = c.below(3) > 0 && !sameOrg.isEmpty() ? c.pick(sameOrg).id() : null;
                DefaultLevel dl = defaultLevel();
                // few distinct creation times, so that ties are broken by id
                Instant created = T0.plusSeconds(c.below(3));
                Instant deleted = c.oneIn(5) ? created : null;
                Space s = new Space("s" + i, org, parent, "s" + i, null, Visibility.PRIVATE, dl, created, created, deleted);
                spaces.add(s);
                addResource(ResourceRef.space(s.id()), org);
                changes.add(new Change.SpacePut(s));
            }
        }

        private void sites() {
            int n = c.below(4);
            for (int i = 1; i <= n; i++) {
                String org = c.pick(orgs);
                Site site = new Site("w" + i, org, "w" + i, defaultLevel(), SiteVisibility.PUBLIC, true, T0);
                sites.add(site);
                addResource(ResourceRef.site(site.id()), org);
                changes.add(new Change.SitePut(site));
                for (Space s : spaces) {
                    if (s.orgId().equals(org) && c.below(3) > 0) {
                        int copies = c.oneIn(8) ? 2 : 1;
                        for (int k = 0; k < copies; k++) {
                            // few distinct positions, so that ties are broken by site-space id
                            SiteSpace ss = new SiteSpace("ss" + (++counter), site.id(), s.id(), "/" + s.id() + k,
                                    c.below(3), T0);
                            siteSpaces.add(ss);
                            changes.add(new Change.SiteSpacePut(ss));
                        }
                    }
                }
            }
        }

        private void pages() {
            int n = c.below(5);
            for (int i = 1; i <= n; i++) {
                Space s = c.pick(spaces);
                List<Page> sameSpace = pages.stream().filter(p -> p.spaceId().equals(s.id())).toList();
                String parent = c.below(2) == 1 && !sameSpace.isEmpty() ? c.pick(sameSpace).id() : null;
                Page p = new Page("p" + i, s.id(), parent, "p" + i, defaultLevel(), c.below(3), T0);
                pages.add(p);
                addResource(ResourceRef.page(p.id()), s.orgId());
                changes.add(new Change.PagePut(p));
            }
        }

        private void addResource(ResourceRef r, String org) {
            resources.add(r);
            orgOfResource.put(r.id(), org);
        }

        private void grants() {
            int n = c.below(13);
            for (int i = 0; i < n; i++) {
                ResourceRef r = c.pick(resources);
                String org = orgOfResource.get(r.id());
                List<String> orgTeams = teamsByOrg.get(org);
                SubjectRef subject;
                if (!orgTeams.isEmpty() && c.below(3) == 2) {
                    subject = SubjectRef.team(c.pick(orgTeams));
                } else {
                    String u = c.pick(users);
                    if (!members.get(org).containsKey(u)) {
                        putMember(org, u, null, false); // granting to a non-member adds them as a guest
                    }
                    subject = SubjectRef.user(u);
                }
                Role role = c.below(5) == 0 ? null : ROLES[c.below(ROLES.length)];
                if (subject.type() == SubjectType.TEAM && c.below(2) == 1) {
                    // the same role as another team's grant here: ties are where "lowest team id" matters
                    for (Grant other : grants.values()) {
                        if (other.resource().equals(r) && other.subject().type() == SubjectType.TEAM) {
                            role = other.role();
                        }
                    }
                }
                Instant expiresAt = c.below(3) == 2 ? EXPIRIES[c.below(EXPIRIES.length)] : null;
                Grant g = new Grant(r, subject, role, expiresAt);
                grants.put(List.of(r, subject), g);
                changes.add(new Change.GrantPut(g));
            }
        }

        private void removalsAndUpdates() {
            int n = c.below(4);
            for (int i = 0; i < n; i++) {
                switch (c.below(8)) {
                    case 0 -> removeGrant();
                    case 1 -> removeMember();
                    case 2 -> removeTeamMember();
                    case 3 -> removeTeam();
                    case 4 -> removeSiteSpace();
                    case 5 -> changeMember();
                    case 6 -> sweepOrGiveAgain();
                    default -> changeSpace();
                }
            }
        }

        /**
         * An expiring grant swept (as the sweep removes it), or given again with another expiry and then met by
         * the sweep's removal of the old one, which must leave the new grant alone.
         */
        private void sweepOrGiveAgain() {
            List<Grant> expiring = grants.values().stream().filter(g -> g.expiresAt() != null).toList();
            if (expiring.isEmpty()) {
                return;
            }
            Grant g = c.pick(expiring);
            if (c.below(2) == 0) {
                grants.remove(List.of(g.resource(), g.subject()));
                changes.add(new Change.GrantExpired(g.resource(), g.subject(), g.expiresAt()));
                features.add("expired grant swept");
            } else {
                Instant later = c.below(2) == 0 ? null : EXPIRIES[c.below(EXPIRIES.length)];
                Grant again = new Grant(g.resource(), g.subject(), g.role(), later);
                grants.put(List.of(g.resource(), g.subject()), again);
                changes.add(new Change.GrantPut(again));
                if (!g.expiresAt().equals(later)) {
                    changes.add(new Change.GrantExpired(g.resource(), g.subject(), g.expiresAt()));
                    features.add("stale sweep");
                }
            }
        }

        private void removeGrant() {
            if (grants.isEmpty()) {
                return;
            }
            Grant g = c.pick(new ArrayList<>(grants.values()));
            grants.remove(List.of(g.resource(), g.subject()));
            changes.add(new Change.GrantRemoved(g.resource(), g.subject()));
            features.add("removal");
        }

        /** The cascade a service spells out: the member's grants and team places go first. */
        private void removeMember() {
            String org = c.pick(orgs);
            if (members.get(org).isEmpty()) {
                return;
            }
            String u = c.pick(new ArrayList<>(members.get(org).keySet()));
            for (Grant g : new ArrayList<>(grants.values())) {
                if (g.subject().equals(SubjectRef.user(u)) && orgOfResource.get(g.resource().id()).equals(org)) {
                    grants.remove(List.of(g.resource(), g.subject()));
                    changes.add(new Change.GrantRemoved(g.resource(), g.subject()));
                }
            }
            for (String team : teamsByOrg.get(org)) {
                if (teamMembers.get(team).remove(u)) {
                    changes.add(new Change.TeamMemberRemoved(team, u));
                }
            }
            members.get(org).remove(u);
            changes.add(new Change.MemberRemoved(org, u));
            features.add("removal");
        }

        private void removeTeamMember() {
            List<String> nonEmpty = teamMembers.keySet().stream().sorted().filter(t -> !teamMembers.get(t).isEmpty())
                    .toList();
            if (nonEmpty.isEmpty()) {
                return;
            }
            String team = c.pick(nonEmpty);
            String u = c.pick(new ArrayList<>(teamMembers.get(team)));
            teamMembers.get(team).remove(u);
            changes.add(new Change.TeamMemberRemoved(team, u));
            features.add("removal");
        }

        private void removeTeam() {
            List<String> all = teamMembers.keySet().stream().sorted().toList();
            if (all.isEmpty()) {
                return;
            }
            String team = c.pick(all);
            for (Grant g : new ArrayList<>(grants.values())) {
                if (g.subject().equals(SubjectRef.team(team))) {
                    grants.remove(List.of(g.resource(), g.subject()));
                    changes.add(new Change.GrantRemoved(g.resource(), g.subject()));
                }
            }
            teamMembers.remove(team);
            teamsByOrg.values().forEach(ts -> ts.remove(team));
            changes.add(new Change.TeamRemoved(team));
            features.add("removal");
        }

        private void removeSiteSpace() {
            if (siteSpaces.isEmpty()) {
                return;
            }
            SiteSpace ss = c.pick(siteSpaces);
            siteSpaces.remove(ss);
            changes.add(new Change.SiteSpaceRemoved(ss.id()));
            features.add("removal");
        }

        private void changeMember() {
            String org = c.pick(orgs);
            if (members.get(org).isEmpty()) {
                return;
            }
            Member old = c.pick(new ArrayList<>(members.get(org).values()));
            Role role = c.below(3) == 0 ? null : ROLES[c.below(ROLES.length)];
            putMember(org, old.userId(), role, c.oneIn(3));
        }

        private void changeSpace() {
            Space old = c.pick(spaces);
            Space s = new Space(old.id(), old.orgId(), old.parentId(), old.title(), null, old.visibility(),
                    defaultLevel(), old.createdAt(), old.updatedAt(), old.deleted() ? null : old.createdAt());
            spaces.set(spaces.indexOf(old), s);
            changes.add(new Change.SpacePut(s));
        }

        // ------------------------------------------------------------ what the properties ask about

        private List<String> queryUsers() {
            List<String> q = new ArrayList<>(users);
            q.add("stranger"); // not even a user
            return q;
        }

        private List<ResourceRef> queryResources() {
            List<ResourceRef> q = new ArrayList<>(resources);
            q.add(ResourceRef.collection("missing"));
            q.add(ResourceRef.space("missing"));
            q.add(ResourceRef.site("missing"));
            q.add(ResourceRef.page("missing"));
            return q;
        }

        private List<String> queryOrgs() {
            List<String> q = new ArrayList<>(orgs);
            q.add("missing");
            return q;
        }

        private List<String> querySites() {
            List<String> q = new ArrayList<>(sites.stream().map(Site::id).toList());
            q.add("missing");
            return q;
        }

        /** What this world exercises, for the coverage checks of the properties. */
        private Set<String> features() {
            Set<String> f = new LinkedHashSet<>(features);
            Map<String, Set<String>> sitesOfSpace = new HashMap<>();
            for (SiteSpace ss : siteSpaces) {
                sitesOfSpace.computeIfAbsent(ss.spaceId(), k -> new TreeSet<>()).add(ss.siteId());
            }
            if (sitesOfSpace.values().stream().anyMatch(s -> s.size() > 1)) {
                f.add("space on two sites");
            }
            if (spaces.stream().anyMatch(Space::deleted)) {
                f.add("deleted space");
            }
            if (grants.values().stream().anyMatch(g -> g.role() == null)) {
                f.add("null grant");
            }
            if (grants.values().stream().anyMatch(g -> g.subject().type() == SubjectType.TEAM)) {
                f.add("team grant");
            }
            if (collections.stream().anyMatch(x -> depth(x) >= 3)) {
                f.add("collections 3 deep");
            }
            if (pages.stream().anyMatch(p -> p.parentId() != null)) {
                f.add("nested page");
            }
            if (members.values().stream().flatMap(m -> m.values().stream()).anyMatch(Member::disabled)) {
                f.add("disabled member");
            }
            if (members.values().stream().flatMap(m -> m.values().stream()).anyMatch(Member::isGuest)) {
                f.add("guest");
            }
            if (orgs.size() > 1) {
                f.add("two organizations");
            }
            if (grants.values().stream().anyMatch(g -> g.expiresAt() != null)) {
                f.add("expiring grant");
            }
            return f;
        }

        private int depth(Collection col) {
            int d = 1;
            for (Collection x = col; x.parentId() != null; d++) {
                String parent = x.parentId();
                x = collections.stream().filter(y -> y.id().equals(parent)).findFirst().orElseThrow();
            }
            return d;
        }
    }
}
