package dev.gatehouse.datasets;

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
import dev.gatehouse.model.Team;
import dev.gatehouse.model.TeamMembership;
import dev.gatehouse.model.TeamRole;
import dev.gatehouse.model.User;
import dev.gatehouse.model.Visibility;
import dev.gatehouse.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Synthetic datasets for benchmarks, the same for the same seed, written through a {@link Store} in
 * batched commits so a server can be started on the result.
 *
 * <ul>
 *   <li>{@code large}: one organization of 100,000 members (5 admins, 5% guests, 1% disabled, the rest
 *       mostly edit and read), 2,000 teams (each member in 1 to 3), 1,000 collections nested up to 6
 *       deep, 50,000 spaces (inherit, role and null defaults), 100,000 pages, 20 sites publishing 2,000
 *       spaces, 500,000 grants to users and teams (5% of them null);</li>
 *   <li>{@code many}: 10,000 organizations of 20 members and 20 spaces each.</li>
 * </ul>
 * Ids are readable and stable: {@code u000042}, {@code s012345}, ... so benchmarks can name them.
 */
public final class Datasets {
    /** The installation's own actor in the changelog, as the service layer records it for the system token. */
    private static final String SYSTEM_ACTOR = "system";

    private static final int BATCH = 20_000;
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private final Consumer<List<Change>> sink;
    private final SplittableRandom random;
    private final List<Change> pending = new ArrayList<>();
    private long clock;

    private Datasets(Consumer<List<Change>> sink, long seed) {
        this.sink = sink;
        this.random = new SplittableRandom(seed);
    }

    /** The sizes of {@code large}, scaled by {@code scale} (1.0 is the full dataset; tests use a sliver). */
    public record Large(int members, int teams, int collections, int spaces, int pages, int sites, int publishedSpaces,
                        int grants) {
        public static Large scaled(double scale) {
            return new Large(n(100_000, scale), n(2_000, scale), n(1_000, scale), n(50_000, scale), n(100_000, scale),
                    Math.max(2, n(20, scale)), n(2_000, scale), n(500_000, scale));
        }

        private static int n(int full, double scale) {
            return Math.max(4, (int) Math.round(full * scale));
        }
    }

    public static void large(Store store, long seed, Large size) {
        large(batch -> store.commit(SYSTEM_ACTOR, batch), seed, size);
    }

    /** Hands the dataset to {@code sink} in batches, in an order every batch can be applied in. */
    public static void large(Consumer<List<Change>> sink, long seed, Large size) {
        new Datasets(sink, seed).writeLarge(size);
    }

    public static void many(Store store, long seed, int organizations) {
        many(batch -> store.commit(SYSTEM_ACTOR, batch), seed, organizations);
    }

    public static void many(Consumer<List<Change>> sink, long seed, int organizations) {
        new Datasets(sink, seed).writeMany(organizations);
    }

    private Instant tick() {
        return T0.plusMillis(clock++);
    }

    private void add(Change c) {
        pending.add(c);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    private void flush() {
        if (!pending.isEmpty()) {
            sink.accept(List.copyOf(pending));
            pending.clear();
        }
    }

    private static String id(String prefix, int n) {
        return String.format("%s%06d", prefix, n);
    }

    private DefaultLevel spaceDefault() {
        int r = random.nextInt(100);
        if (r < 60) {
            return DefaultLevel.INHERIT;
        }
        if (r < 85) {
            return DefaultLevel.of(new Role[] {Role.READ, Role.COMMENT, Role.EDIT}[random.nextInt(3)]);
        }
        return DefaultLevel.NONE;
    }

    private Role memberRole(int i) {
        if (i < 5) {
            return Role.ADMIN;
        }
        int r = random.nextInt(100);
        if (r < 5) {
            return null;
        }
        if (r < 40) {
            return Role.EDIT;
        }
        if (r < 45) {
            return Role.COMMENT;
        }
        if (r < 48) {
            return Role.REVIEW;
        }
        if (r < 50) {
            return Role.CREATE;
        }
        return Role.READ;
    }

    private void writeLarge(Large n) {
        String org = "large";
        add(new Change.OrganizationPut(new Organization(org, "Large Co", Role.READ, tick())));
        for (int i = 0; i < n.members(); i++) {
            String u = id("u", i);
            add(new Change.UserPut(new User(u, "User " + i, u + "@large.example", null, false, tick())));
            add(new Change.MemberPut(new Member(org, u, memberRole(i), i >= 5 && random.nextInt(100) == 0, tick())));
        }
        for (int t = 0; t < n.teams(); t++) {
            add(new Change.TeamPut(new Team(id("t", t), org, "Team " + t, tick())));
        }
        for (int i = 0; i < n.members(); i++) {
            int count = 1 + random.nextInt(3);
            Set<Integer> mine = new HashSet<>();
            while (mine.size() < count) {
                mine.add(random.nextInt(n.teams()));
            }
            for (int t : mine) {
                add(new Change.TeamMemberPut(new TeamMembership(id("t", t), id("u", i),
                        random.nextInt(20) == 0 ? TeamRole.OWNER : TeamRole.MEMBER)));
            }
        }
        int[] depth = new int[n.collections()];
        for (int c = 0; c < n.collections(); c++) {
            String parent = null;
            if (c > 0 && random.nextInt(100) < 80) {
                int p = random.nextInt(c);
                if (depth[p] < 5) {
                    parent = id("c", p);
                    depth[c] = depth[p] + 1;
                }
            }
            DefaultLevel level = random.nextInt(100) < 75 ? DefaultLevel.INHERIT : spaceDefault();
            add(new Change.CollectionPut(new Collection(id("c", c), org, parent, "Collection " + c, null, level, tick())));
        }
        for (int s = 0; s < n.spaces(); s++) {
            String parent = random.nextInt(100) < 80 ? id("c", random.nextInt(n.collections())) : null;
            Instant t = tick();
            add(new Change.SpacePut(new Space(id("s", s), org, parent, "Space " + s, null, Visibility.PRIVATE,
                    spaceDefault(), t, t, null)));
        }
        for (int p = 0; p < n.pages(); p++) {
            int space = random.nextInt(n.spaces());
            // A quarter of the pages hang under an earlier page of the same space, when there is one nearby.
            String parent = null;
            if (p > 0 && random.nextInt(4) == 0) {
                int candidate = p - 1 - random.nextInt(Math.min(p, 50));
                parent = id("p", candidate);
                space = pageSpace[candidate % pageSpace.length];
            }
            remember(p, space);
            add(new Change.PagePut(new Page(id("p", p), id("s", space), parent, "Page " + p,
                    random.nextInt(100) < 90 ? DefaultLevel.INHERIT : spaceDefault(), p, tick())));
        }
        int perSite = Math.max(1, n.publishedSpaces() / n.sites());
        int ss = 0;
        for (int w = 0; w < n.sites(); w++) {
            add(new Change.SitePut(new Site(id("w", w), org, "Site " + w, DefaultLevel.INHERIT, SiteVisibility.PUBLIC,
                    true, tick())));
            for (int k = 0; k < perSite; k++) {
                add(new Change.SiteSpacePut(new SiteSpace(id("ss", ss), id("w", w), id("s", random.nextInt(n.spaces())),
                        "space-" + k, k, tick())));
                ss++;
            }
        }
        Set<Long> used = new HashSet<>();
        int made = 0;
        while (made < n.grants()) {
            ResourceRef r;
            int kind = random.nextInt(100);
            if (kind < 60) {
                r = ResourceRef.space(id("s", random.nextInt(n.spaces())));
            } else if (kind < 85) {
                r = ResourceRef.page(id("p", random.nextInt(n.pages())));
            } else if (kind < 98) {
                r = ResourceRef.collection(id("c", random.nextInt(n.collections())));
            } else {
                r = ResourceRef.site(id("w", random.nextInt(n.sites())));
            }
            boolean team = random.nextInt(100) < 30;
            int subject = team ? random.nextInt(n.teams()) : random.nextInt(n.members());
            long key = ((long) r.hashCode() << 32) ^ (team ? -subject - 1 : subject);
            if (!used.add(key)) {
                continue;
            }
            Role role = random.nextInt(100) < 5 ? null : Role.values()[random.nextInt(5)];
            add(new Change.GrantPut(new Grant(r, team ? SubjectRef.team(id("t", subject)) : SubjectRef.user(id("u", subject)),
                    role)));
            made++;
        }
        flush();
    }

    private int[] pageSpace = new int[64];

    /** Remembers the space of the last pages, so a child page lands in its parent's space. */
    private void remember(int page, int space) {
        pageSpace[page % pageSpace.length] = space;
    }

    private void writeMany(int organizations) {
        for (int o = 0; o < organizations; o++) {
            String org = id("o", o);
            add(new Change.OrganizationPut(new Organization(org, "Org " + o, Role.READ, tick())));
            for (int m = 0; m < 20; m++) {
                String u = id("m", o * 20 + m);
                add(new Change.UserPut(new User(u, "Member " + m, u + "@many.example", null, false, tick())));
                add(new Change.MemberPut(new Member(org, u, m == 0 ? Role.ADMIN : m < 12 ? Role.EDIT : Role.READ, false,
                        tick())));
            }
            for (int s = 0; s < 20; s++) {
                Instant t = tick();
                add(new Change.SpacePut(new Space(id("s", o * 20 + s) + "m", org, null, "Space " + s, null,
                        Visibility.PRIVATE, spaceDefault(), t, t, null)));
            }
        }
        flush();
    }
}
