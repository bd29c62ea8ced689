package dev.gatehouse.bench;

import dev.gatehouse.engine.World;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.casbin.jcasbin.rbac.DefaultRoleManager;

/**
 * One organization of a Gatehouse {@link World} as a jCasbin model: RBAC with domains (the organization is
 * the domain), a resource hierarchy {@code g2} and a role-level hierarchy {@code g3}.
 *
 * <ul>
 *   <li>{@code g, user, team:T, org}: team membership; {@code g, user, role:X, org}: the member role of a
 *       non-guest member, and {@code g, role:X, members, org} so that role defaults reach every non-guest.</li>
 *   <li>{@code g2, child, parent}: page to parent page or space, space to each site publishing it and to its
 *       collection (or the organization), collection to parent collection (or the organization), but only
 *       from a level whose default is {@code inherit}: a level with a role or {@code null} default decides
 *       for everyone, so Gatehouse never walks past it, and cutting the link says exactly that.</li>
 *   <li>{@code g3, higher, lower}: admin &gt; create &gt; review &gt; edit &gt; comment &gt; read, so a policy
 *       for edit answers a request for read.</li>
 *   <li>{@code p}: one line per grant (user or team), one per role default ({@code members}), one per
 *       member role on the organization, and {@code role:admin} on {@code *}, since organization admins
 *       administer everything, also past levels that stop inheritance.</li>
 * </ul>
 *
 * <p>What it cannot express: Casbin's effect is a union ({@code some(where allow)}), so
 * <b>{@code null} grants</b> (a "no access here" that stops inheritance for one subject) are left out, and
 * the rule that <b>the nearest level wins</b> and <b>a user grant beats team grants</b> even when lower is
 * lost: Casbin answers with the highest role granted anywhere on the way up. For "can read" the two agree
 * whenever no {@code null} grant is on the way; for higher actions Casbin may allow what Gatehouse does
 * not. The site level's rule that site defaults never flow into spaces holds only because sites get no
 * {@code g2} link upward. <b>Disabled members</b> and their grants and team places are left out of the
 * policy, which is how a Casbin application would shut them out. Soft-deleted spaces do not occur in the
 * dataset. Casbin has no call that lists who reaches an object or which objects a user reaches through a
 * resource hierarchy, so lists are {@code batchEnforce} over every candidate.
 */
final class CasbinWorld {
    static final String MODEL = """
            [request_definition]
            r = sub, dom, obj, act

            [policy_definition]
            p = sub, dom, obj, act

            [role_definition]
            g = _, _, _
            g2 = _, _
            g3 = _, _

            [policy_effect]
            e = some(where (p.eft == allow))

            [matchers]
            m = r.dom == p.dom && g(r.sub, p.sub, r.dom) && (p.obj == "*" || g2(r.obj, p.obj)) && g3(p.act, r.act)
            """;

    final Enforcer enforcer;
    final String org;
    final int policies;

    CasbinWorld(World world, String org) {
        this.org = org;
        List<List<String>> p = new ArrayList<>();
        List<List<String>> g = new ArrayList<>();
        List<List<String>> g2 = new ArrayList<>();
        List<List<String>> g3 = new ArrayList<>();
        String root = "organization:" + org;
        for (int i = Role.values().length - 1; i > 0; i--) {
            g3.add(List.of(Role.values()[i].wire(), Role.values()[i - 1].wire()));
        }
        for (Role role : Role.values()) {
            g.add(List.of("role:" + role.wire(), "members", org));
            p.add(role == Role.ADMIN ? List.of("role:admin", org, "*", "admin")
                    : List.of("role:" + role.wire(), org, root, role.wire()));
        }
        Map<String, Member> members = world.members(org);
        for (Member m : members.values()) {
            if (!m.disabled() && m.role() != null) {
                g.add(List.of(m.userId(), "role:" + m.role().wire(), org));
            }
        }
        for (String team : world.teams(org).keySet()) {
            for (String user : world.teamMembers(team).keySet()) {
                if (enabled(members, user)) {
                    g.add(List.of(user, "team:" + team, org));
                }
            }
        }
        for (String site : world.sites(org).keySet()) {
            grants(world, ResourceRef.site(site), members, p);
        }
        for (Collection c : world.collections(org).values()) {
            ResourceRef r = ResourceRef.collection(c.id());
            level(world, r, c.defaultLevel(), members, p);
            if (c.defaultLevel().isInherit()) {
                g2.add(List.of(r.toString(), c.parentId() == null ? root : ResourceRef.collection(c.parentId()).toString()));
            }
        }
        for (Space s : world.spaces(org)) {
            ResourceRef r = ResourceRef.space(s.id());
            level(world, r, s.defaultLevel(), members, p);
            if (s.defaultLevel().isInherit()) {
                for (String site : world.sitesPublishing(s.id())) {
                    g2.add(List.of(r.toString(), ResourceRef.site(site).toString()));
                }
                g2.add(List.of(r.toString(), s.parentId() == null ? root : ResourceRef.collection(s.parentId()).toString()));
            }
            for (Page page : world.pages(s.id())) {
                ResourceRef pr = ResourceRef.page(page.id());
                level(world, pr, page.defaultLevel(), members, p);
                if (page.defaultLevel().isInherit()) {
                    g2.add(List.of(pr.toString(), page.parentId() == null ? r.toString()
                            : ResourceRef.page(page.parentId()).toString()));
                }
            }
        }
        Model model = Model.newModelFromString(MODEL);
        model.addPolicies("p", "p", p);
        model.addPolicies("g", "g", g);
        model.addPolicies("g", "g2", g2);
        model.addPolicies("g", "g3", g3);
        enforcer = new Enforcer(model);
        // Casbin logs every request and its matching policy by default.
        enforcer.enableLog(false);
        // Pages nest under pages, spaces under collections six deep: deeper than the default ten levels.
        enforcer.setRoleManager("g2", new DefaultRoleManager(64));
        enforcer.buildRoleLinks();
        policies = p.size();
    }

    private static boolean enabled(Map<String, Member> members, String user) {
        Member m = members.get(user);
        return m != null && !m.disabled();
    }

    private void level(World world, ResourceRef r, DefaultLevel level, Map<String, Member> members,
                       List<List<String>> p) {
        grants(world, r, members, p);
        if (level.kind() == DefaultLevel.Kind.ROLE) {
            p.add(List.of("members", org, r.toString(), level.role().wire()));
        }
    }

    private void grants(World world, ResourceRef r, Map<String, Member> members, List<List<String>> p) {
        World.Grants grants = world.grants(r);
        for (Grant grant : grants.users().values()) {
            if (grant.role() != null && enabled(members, grant.subject().id())) {
                p.add(List.of(grant.subject().id(), org, r.toString(), grant.role().wire()));
            }
        }
        for (Grant grant : grants.teams().values()) {
            if (grant.role() != null) {
                p.add(List.of("team:" + grant.subject().id(), org, r.toString(), grant.role().wire()));
            }
        }
    }

    /** Casbin's answer to "may {@code user} do {@code action} on {@code r}". */
    boolean can(String user, ResourceRef r, Role action) {
        return enforcer.enforce(user, org, r.toString(), action.wire());
    }

    /** Who can read {@code r}: one request per member, in one batch. */
    List<String> readers(ResourceRef r, List<String> members) {
        List<List<String>> requests = new ArrayList<>(members.size());
        for (String user : members) {
            requests.add(List.of(user, org, r.toString(), "read"));
        }
        List<Boolean> answers = enforcer.batchEnforce(requests);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i)) {
                out.add(members.get(i));
            }
        }
        return out;
    }

    /** Which of {@code spaces} {@code user} can read: one request per space, in one batch. */
    List<ResourceRef> readable(String user, List<ResourceRef> spaces) {
        List<List<String>> requests = new ArrayList<>(spaces.size());
        for (ResourceRef s : spaces) {
            requests.add(List.of(user, org, s.toString(), "read"));
        }
        List<Boolean> answers = enforcer.batchEnforce(requests);
        List<ResourceRef> out = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i)) {
                out.add(spaces.get(i));
            }
        }
        return out;
    }
}
