package dev.gatehouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.Permissions;
import dev.gatehouse.engine.Reads;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditEvent;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.User;
import dev.gatehouse.oracle.Oracle;
import dev.gatehouse.model.AuditPosition;
import dev.gatehouse.store.ChangelogEntry;
import dev.gatehouse.store.MemoryStore;
import dev.gatehouse.clock.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import dev.gatehouse.oracle.Seeds;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of the calls real callers make, through the services: invites by email (known and
 * unknown, in any letter case), accounts claimed later, teams, nested collections, spaces, pages, sites,
 * grants and no-access grants (some expiring, some refused for an expiry in the past), trashing, the clock
 * moving on and the sweep. Afterwards the engine, {@code check} and {@code explain} must agree with the
 * oracle rebuilt from the changelog, at the clock's instant, on every (user, resource) pair; and again
 * after a last sweep, which must change no answer.
 *
 * <p>{@link Seeds#TRIES} call sequences, each drawn from its seed by {@link #calls(long)}; a failure prints
 * the seed and the calls, and {@code -Dgatehouse.seed=N} replays exactly that sequence.
 */
class ServiceMatchesOracleProperties {
    private static final String SYSTEM_TOKEN = "system-token-0123456789";
    private static final Caller SYS = Caller.SYSTEM;
    private static final Role[] ROLES = Role.values();

    /** One call: what to do, and three numbers that pick its arguments. */
    record Op(int kind, int a, int b, int c) {
        @Override
        public String toString() {
            return KINDS[kind] + "(" + a + ", " + b + ", " + c + ")";
        }
    }

    static final String[] KINDS = {"inviteToOrg", "createTeam", "createCollection", "createSpace", "createPage", "grant",
            "removeGrant", "claim", "changeMember", "trashOrRestore", "createSite", "advanceClock", "sweep"};

    /** A sequence of 5 to 40 calls, drawn from the seed: the same seed, the same calls. */
    static Calls calls(long seed) {
        Random random = new Random(seed);
        int n = 5 + random.nextInt(36);
        List<Op> ops = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ops.add(new Op(random.nextInt(KINDS.length), random.nextInt(100), random.nextInt(100), random.nextInt(100)));
        }
        return new Calls(List.copyOf(ops));
    }

    /** The calls of one sequence; printed one a line. */
    record Calls(List<Op> ops) {
        @Override
        public String toString() {
            return ops.stream().map(Op::toString).collect(Collectors.joining("\n  ", "Calls:\n  ", "\n"));
        }
    }

    /** The world a sequence builds, and the names it can pick from. */
    private static final class Run {
        final MemoryStore store = new MemoryStore();
        final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
        final Services s = Services.open(store, Services.Options.defaults(SYSTEM_TOKEN).withClock(clock));
        final Reads index = s.reads();
        final ExpirySweeper sweeper = s.sweeper();
        final String org;
        final List<String> invitedEmails = new ArrayList<>();
        final List<String> teams = new ArrayList<>();
        final List<String> collections = new ArrayList<>();
        final List<String> spaces = new ArrayList<>();
        final Map<String, String> pageSpace = new HashMap<>();
        final List<String> pages = new ArrayList<>();
        final List<String> sites = new ArrayList<>();
        int claims;
        int refusals;

        Run() {
            for (int i = 0; i < 5; i++) {
                s.users().create(SYS, new UserService.NewUser("u" + i, "U" + i, "u" + i + "@example.com", null));
            }
            org = s.organizations().create(SYS, "Org", Role.READ, "u0").value().id();
        }

        /** A user by id or by email, known or (sometimes) unknown, in a random letter case. */
        String person(int n) {
            int k = n % 8;
            if (k < 5) {
                return n % 2 == 0 ? "u" + k : (n % 3 == 0 ? "U" + k + "@EXAMPLE.com" : "u" + k + "@example.com");
            }
            String email = "guest" + (n % 4) + "@example.com";
            return n % 3 == 0 ? email.toUpperCase(Locale.ROOT) : email;
        }

        static DefaultLevel level(int n) {
            int k = n % 9;
            return k < 4 ? DefaultLevel.INHERIT : k < 6 ? DefaultLevel.NONE : DefaultLevel.of(ROLES[n % ROLES.length]);
        }

        static Role roleOrNone(int n) {
            return n % 7 == 0 ? null : ROLES[n % ROLES.length];
        }

        static <T> T pick(List<T> xs, int n) {
            return xs.isEmpty() ? null : xs.get(n % xs.size());
        }

        List<ResourceRef> resources() {
            List<ResourceRef> out = new ArrayList<>();
            collections.forEach(x -> out.add(ResourceRef.collection(x)));
            spaces.forEach(x -> out.add(ResourceRef.space(x)));
            pages.forEach(x -> out.add(ResourceRef.page(x)));
            sites.forEach(x -> out.add(ResourceRef.site(x)));
            return out;
        }

        void run(Op op) {
            int a = op.a();
            int b = op.b();
            int c = op.c();
            switch (KINDS[op.kind()]) {
                case "inviteToOrg" -> {
                    String p = person(a);
                    if (p.contains("@") && !p.startsWith("u") && !p.startsWith("U")) {
                        invitedEmails.add(p);
                    }
                    s.organizations().invite(SYS, org, List.of(new OrganizationService.Invite(p.contains("@") ? p
                            : p + "@example.com", roleOrNone(b), b % 2 == 0)), null, false);
                }
                case "createTeam" -> teams.add(s.teams().create(SYS, org, "T" + a,
                        List.of(person(a), person(b))).value().team().id());
                case "createCollection" -> collections.add(s.content().createCollection(SYS, org, "C" + a, null,
                        b % 3 == 0 ? null : pick(collections, c), level(a)).value().value().id());
                case "createSpace" -> spaces.add(s.content().createSpace(SYS, org, "S" + a, null,
                        b % 3 == 0 ? null : pick(collections, c), dev.gatehouse.model.Visibility.PRIVATE,
                        level(a)).value().value().id());
                case "createPage" -> {
                    String space = pick(spaces, a);
                    if (space == null) {
                        return;
                    }
                    List<String> same = pages.stream().filter(p -> pageSpace.get(p).equals(space)).toList();
                    String parent = b % 2 == 0 ? null : pick(same, c);
                    String id = s.pages().create(SYS, space, "P" + a, parent, level(b), null).value().page().id();
                    pages.add(id);
                    pageSpace.put(id, space);
                }
                case "grant" -> {
                    ResourceRef r = pick(resources(), a);
                    if (r == null) {
                        return;
                    }
                    boolean team = b % 3 == 0 && !teams.isEmpty();
                    String who = team ? pick(teams, c) : person(c);
                    if (!team && who.contains("@") && !who.toLowerCase(Locale.ROOT).startsWith("u")) {
                        invitedEmails.add(who);
                    }
                    // Some expire within the next hours; a few are refused, being given an expiry in the past.
                    Instant expiresAt = c % 4 == 0 ? clock.instant().plus(Duration.ofMinutes(30L * (1 + b % 3)))
                            : c % 13 == 1 ? clock.instant().minusSeconds(60) : null;
                    s.permissions().invite(SYS, PermissionService.Target.of(r), roleOrNone(b), team ? List.of() : List.of(who),
                            team ? List.of(who) : List.of(), expiresAt);
                }
                case "removeGrant" -> {
                    ResourceRef r = pick(resources(), a);
                    if (r == null) {
                        return;
                    }
                    var grants = index.read(w -> new ArrayList<>(w.grants(r).users().values()));
                    if (!grants.isEmpty()) {
                        s.permissions().remove(SYS, PermissionService.Target.of(r), pick(grants, b).subject());
                    }
                }
                case "claim" -> claim(pick(invitedEmails, a), b);
                case "changeMember" -> s.organizations().updateMember(SYS, org, "u" + (1 + a % 4), roleOrNone(b), true,
                        c % 5 == 0);
                case "trashOrRestore" -> {
                    String space = pick(spaces, a);
                    if (space != null) {
                        if (b % 2 == 0) {
                            s.content().deleteSpace(SYS, space);
                        } else {
                            s.content().restoreSpace(SYS, space);
                        }
                    }
                }
                case "createSite" -> {
                    if (!spaces.isEmpty()) {
                        sites.add(s.sites().create(SYS, org, "Site " + a,
                                dev.gatehouse.model.SiteVisibility.PUBLIC, List.of(pick(spaces, b))).value().site().id());
                    }
                }
                case "advanceClock" -> clock.advance(Duration.ofMinutes(15L * (1 + a % 6)));
                case "sweep" -> sweeper.sweepOnce();
                default -> throw new IllegalStateException(op.toString());
            }
        }

        /** An invited email claims its account: same id, every permission as before. */
        void claim(String email, int caseChoice) {
            if (email == null) {
                return;
            }
            String normalized = email.toLowerCase(Locale.ROOT);
            User invited = index.read(w -> w.userByEmail(normalized));
            if (invited == null || !invited.invited()) {
                return;
            }
            Map<ResourceRef, Role> before = permissionsOf(invited.id());
            String asTyped = caseChoice % 2 == 0 ? normalized.toUpperCase(Locale.ROOT) : normalized;
            User claimed = s.users().create(SYS, new UserService.NewUser(null, "Claimed", asTyped, null)).value();
            assertThat(claimed.id()).as("the claimed account keeps the invited id").isEqualTo(invited.id());
            assertThat(claimed.invited()).isFalse();
            assertThat(permissionsOf(invited.id())).as("the claimed account keeps every grant").isEqualTo(before);
            claims++;
        }

        Map<ResourceRef, Role> permissionsOf(String user) {
            Map<ResourceRef, Role> out = new HashMap<>();
            for (ResourceRef r : resources()) {
                out.put(r, index.read(w -> Permissions.effective(w, user, r)));
            }
            return out;
        }
    }

    /**
     * Nothing changes without an entry: replaying the audit log's grant and member entries, in order, gives
     * exactly the grants and the member roles the organization ends with.
     */
    private static void auditLogReplaysToTheFinalState(Run run) {
        Map<String, String> grants = new TreeMap<>();
        Map<String, String> members = new TreeMap<>();
        for (AuditEntry e : run.store.auditLog(run.org, AuditPosition.START, Integer.MAX_VALUE)) {
            AuditEvent ev = e.event();
            String grantKey = ev.resourceType() + ":" + ev.resourceId() + ":" + ev.subjectType() + ":" + ev.subjectId();
            switch (ev.action()) {
                case "grant.created", "grant.updated" -> grants.put(grantKey, ev.after());
                case "grant.removed", "grant.expired" -> grants.remove(grantKey);
                case "member.added", "member.role_changed" -> members.put(ev.subjectId(), ev.after());
                case "member.removed" -> members.remove(ev.subjectId());
                default -> { }
            }
        }
        Map<String, String> actualGrants = new TreeMap<>();
        Map<String, String> actualMembers = new TreeMap<>();
        run.index.read(w -> {
            for (ResourceRef r : run.resources()) {
                World.Grants g = w.grants(r);
                if (g != null) {
                    g.users().values().forEach(x -> actualGrants.put(r.type().wire() + ":" + r.id() + ":user:"
                            + x.subject().id(), x.role() == null ? "none" : x.role().wire()));
                    g.teams().values().forEach(x -> actualGrants.put(r.type().wire() + ":" + r.id() + ":team:"
                            + x.subject().id(), x.role() == null ? "none" : x.role().wire()));
                }
            }
            w.members(run.org).values().forEach(m -> actualMembers.put(m.userId(),
                    m.role() == null ? "guest" : m.role().wire()));
            return null;
        });
        assertThat(grants).as("grants replayed from the audit log").isEqualTo(actualGrants);
        assertThat(members).as("member roles replayed from the audit log").isEqualTo(actualMembers);
    }

    @Test
    void servicesEngineCheckAndExplainAgreeWithTheOracle() {
        Seeds seeds = new Seeds("ServiceMatchesOracleProperties", 5_000_000L);
        seeds.forEach(ServiceMatchesOracleProperties::calls, (seed, calls) -> agreeWithTheOracle(seeds, calls.ops()));
        seeds.assertCoverage("claim", 5);
        seeds.assertCoverage("invited user without account", 20);
        seeds.assertCoverage("refusal", 10);
        seeds.assertCoverage("page", 30);
        seeds.assertCoverage("site", 30);
        seeds.assertCoverage("expiring grant", 15);
        seeds.assertCoverage("expired grant", 5);
    }

    private static void agreeWithTheOracle(Seeds seeds, List<Op> calls) {
        Run run = new Run();
        for (Op op : calls) {
            long before = run.store.revision();
            long indexed = run.index.revision();
            try {
                run.run(op);
            } catch (ApiException refused) {
                run.refusals++;
                assertThat(run.store.revision()).as("%s was refused (%s) and changed nothing", op, refused.getMessage())
                        .isEqualTo(before);
                assertThat(run.index.revision()).isEqualTo(indexed);
            }
            assertThat(run.index.revision()).as("the index follows the store").isEqualTo(run.store.revision());
        }
        boolean invitedUsers = run.index.read(w -> w.members(run.org).keySet().stream().anyMatch(u -> w.user(u).invited()));
        seeds.saw("claim", run.claims > 0);
        seeds.saw("invited user without account", invitedUsers);
        seeds.saw("refusal", run.refusals > 0);
        seeds.saw("page", !run.pages.isEmpty());
        seeds.saw("site", !run.sites.isEmpty());
        List<Change> written = new ArrayList<>();
        run.store.changesAfter(0, Integer.MAX_VALUE).forEach(e -> written.addAll(e.changes()));
        seeds.saw("expiring grant", written.stream().anyMatch(c -> c instanceof Change.GrantPut p
                && p.grant().expiresAt() != null));
        boolean expired = written.stream().anyMatch(c -> c instanceof Change.GrantExpired)
                || run.index.read(w -> !w.expiredGrants(1).isEmpty());
        seeds.saw("expired grant", expired);
        agreeAtTheClocksInstant(run, calls);
        // The sweep catches the database up with the clock: no answer changes, and the log now says why.
        run.sweeper.sweepOnce();
        int left = run.index.read(w -> w.expiredGrants(1).size());
        assertThat(left).as("nothing left to sweep").isZero();
        agreeAtTheClocksInstant(run, calls);
        auditLogReplaysToTheFinalState(run);
    }

    private static void agreeAtTheClocksInstant(Run run, List<Op> calls) {
        List<Change> changes = new ArrayList<>();
        for (ChangelogEntry e : run.store.changesAfter(0, Integer.MAX_VALUE)) {
            changes.addAll(e.changes());
        }
        Oracle oracle = new Oracle(changes, run.clock.instant());
        List<String> users = run.index.read(w -> new ArrayList<>(w.members(run.org).keySet()));
        users.add("nobody");
        List<ResourceRef> resources = run.resources();
        List<PermissionService.Question> questions = new ArrayList<>();
        List<Role> expected = new ArrayList<>();
        int n = 0;
        for (String u : users) {
            for (ResourceRef r : resources) {
                Role want = oracle.effective(u, r);
                Role atLeast = ROLES[n++ % ROLES.length];
                Role engine = run.index.read(w -> Permissions.effective(w, u, r));
                assertThat(engine).as("effective(%s, %s) after %s", u, r, calls).isEqualTo(want);
                assertThat(run.s.permissions().explain(SYS, PermissionService.Target.of(r), u).permission())
                        .as("explain(%s, %s)", u, r).isEqualTo(want);
                questions.add(new PermissionService.Question(u, r, atLeast));
                expected.add(want);
            }
        }
        for (int from = 0; from < questions.size(); from += Paging.MAX_LIMIT) {
            List<PermissionService.Question> batch = questions.subList(from, Math.min(questions.size(), from + Paging.MAX_LIMIT));
            List<PermissionService.Answer> answers = run.s.permissions().check(SYS, batch);
            for (int i = 0; i < batch.size(); i++) {
                Role want = expected.get(from + i);
                assertThat(answers.get(i).permission()).as("check %s after %s", batch.get(i), calls).isEqualTo(want);
                assertThat(answers.get(i).allowed()).as("check %s allowed", batch.get(i))
                        .isEqualTo(Role.covers(want, batch.get(i).atLeast()));
            }
        }
    }
}
