package dev.gatehouse.faults;

import dev.gatehouse.engine.World;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.TeamMembership;
import java.util.List;
import java.util.Random;

/**
 * One thing a writer sets, owned by that writer alone, so its attempts are in order: a member's role, a
 * user's grant on a resource, a team membership, a space's title, or the existence of a team or space
 * created with a unique title. Each kind knows the requests that set it and how to read it from a World.
 */
abstract class Slot {
    static final String ABSENT = "absent";

    /** A request that sets the slot to {@code value}. */
    record Write(String value, String method, String path, String body) {
        String request() {
            return method + " " + path;
        }
    }

    final String key;
    final String initial;

    Slot(String key, String initial) {
        this.key = key;
        this.initial = initial;
    }

    /** The next write: a value other than {@code avoid} (the previous one), so that attempts can be told apart. */
    abstract Write next(Random random, String avoid);

    /** The slot's value in a world. */
    abstract String read(World w);

    static String pick(Random random, List<String> values, String avoid) {
        String v;
        do {
            v = values.get(random.nextInt(values.size()));
        } while (v.equals(avoid));
        return v;
    }

    /** PATCH of a member's organization role. */
    static final class MemberRole extends Slot {
        private static final List<String> ROLES = List.of("read", "comment", "edit", "review", "create", "admin");
        private final String org;
        private final String user;

        MemberRole(String org, String user) {
            super("member " + user, "read");
            this.org = org;
            this.user = user;
        }

        @Override
        Write next(Random random, String avoid) {
            String v = pick(random, ROLES, avoid);
            return new Write(v, "PATCH", "/v1/orgs/" + org + "/members/" + user, "{\"role\":\"" + v + "\"}");
        }

        @Override
        String read(World w) {
            Member m = w.member(org, user);
            return m == null ? ABSENT : m.role() == null ? "guest" : m.role().wire();
        }
    }

    /** A user's grant on a collection, space or page: PATCH or POST .../permissions to set, DELETE to remove. */
    static final class UserGrant extends Slot {
        private static final List<String> ROLES = List.of("read", "comment", "edit", "review", "admin", ABSENT);
        private final ResourceRef resource;
        private final String base;
        private final String user;

        UserGrant(ResourceRef resource, String base, String user) {
            super("grant " + resource.type().wire() + " " + resource.id() + " " + user, ABSENT);
            this.resource = resource;
            this.base = base;
            this.user = user;
        }

        @Override
        Write next(Random random, String avoid) {
            String v = pick(random, ROLES, avoid);
            if (v.equals(ABSENT)) {
                return new Write(v, "DELETE", base + "/permissions/users/" + user, null);
            }
            return random.nextBoolean()
                    ? new Write(v, "PATCH", base + "/permissions/users/" + user, "{\"role\":\"" + v + "\"}")
                    : new Write(v, "POST", base + "/permissions", "{\"role\":\"" + v + "\",\"users\":[\"" + user + "\"]}");
        }

        @Override
        String read(World w) {
            Grant g = w.grants(resource).users().get(user);
            return g == null ? ABSENT : g.role() == null ? "none" : g.role().wire();
        }
    }

    /** A user's place in a team: PUT with a team role, or DELETE. */
    static final class TeamMember extends Slot {
        private static final List<String> ROLES = List.of("member", "owner", ABSENT);
        private final String path;
        private final String team;
        private final String user;

        TeamMember(String org, String team, String user) {
            super("team-member " + team + " " + user, ABSENT);
            this.path = "/v1/orgs/" + org + "/teams/" + team + "/members/" + user;
            this.team = team;
            this.user = user;
        }

        @Override
        Write next(Random random, String avoid) {
            String v = pick(random, ROLES, avoid);
            return v.equals(ABSENT) ? new Write(v, "DELETE", path, null)
                    : new Write(v, "PUT", path, "{\"role\":\"" + v + "\"}");
        }

        @Override
        String read(World w) {
            TeamMembership m = w.teamMembers(team).get(user);
            return m == null ? ABSENT : m.role().wire();
        }
    }

    /** A space's title, a new unique one each time: every attempt is told apart from every other. */
    static final class SpaceTitle extends Slot {
        private final String space;
        private int n;

        SpaceTitle(String space, String title) {
            super("title " + space, title);
            this.space = space;
        }

        @Override
        Write next(Random random, String avoid) {
            String v = space.substring(0, 6) + "-" + (++n);
            return new Write(v, "PATCH", "/v1/spaces/" + space, "{\"title\":\"" + v + "\"}");
        }

        @Override
        String read(World w) {
            Space s = w.space(space);
            return s == null ? ABSENT : s.title();
        }
    }

    /** A team or a space created with a title no other attempt uses: it exists or not. */
    static final class Created extends Slot {
        private final String org;
        private final boolean team;
        private final String title;

        Created(String org, boolean team, String title) {
            super((team ? "new-team " : "new-space ") + title, ABSENT);
            this.org = org;
            this.team = team;
            this.title = title;
        }

        @Override
        Write next(Random random, String avoid) {
            return team ? new Write("present", "PUT", "/v1/orgs/" + org + "/teams", "{\"title\":\"" + title + "\",\"members\":[]}")
                    : new Write("present", "POST", "/v1/orgs/" + org + "/spaces", "{\"title\":\"" + title + "\"}");
        }

        @Override
        String read(World w) {
            boolean found = team ? w.teams(org).values().stream().anyMatch(t -> t.title().equals(title))
                    : w.spaces(org).stream().anyMatch(s -> s.title().equals(title));
            return found ? "present" : ABSENT;
        }
    }
}
