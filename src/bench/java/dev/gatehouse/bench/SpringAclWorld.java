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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.security.acls.domain.AbstractPermission;
import org.springframework.security.acls.domain.AclAuthorizationStrategy;
import org.springframework.security.acls.domain.AclAuthorizationStrategyImpl;
import org.springframework.security.acls.domain.ConsoleAuditLogger;
import org.springframework.security.acls.domain.DefaultPermissionFactory;
import org.springframework.security.acls.domain.DefaultPermissionGrantingStrategy;
import org.springframework.security.acls.domain.GrantedAuthoritySid;
import org.springframework.security.acls.domain.ObjectIdentityImpl;
import org.springframework.security.acls.domain.PrincipalSid;
import org.springframework.security.acls.domain.SpringCacheBasedAclCache;
import org.springframework.security.acls.jdbc.BasicLookupStrategy;
import org.springframework.security.acls.jdbc.JdbcMutableAclService;
import org.springframework.security.acls.model.Acl;
import org.springframework.security.acls.model.MutableAcl;
import org.springframework.security.acls.model.NotFoundException;
import org.springframework.security.acls.model.ObjectIdentity;
import org.springframework.security.acls.model.Permission;
import org.springframework.security.acls.model.PermissionGrantingStrategy;
import org.springframework.security.acls.model.Sid;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One organization of a Gatehouse {@link World} in Spring Security ACL: a {@link JdbcMutableAclService} on
 * an in-memory H2 database, with a {@link SpringCacheBasedAclCache} over a {@link ConcurrentMapCache} that is
 * warmed after loading, so checks are answered from memory as Gatehouse's are.
 *
 * <ul>
 *   <li>One ACL per organization, collection, space and page; its parent is the parent page, space, parent
 *       collection or organization, and {@code entriesInheriting} is true exactly when the level's default
 *       is {@code inherit} (a role or {@code null} default decides at that level for everyone).</li>
 *   <li>One permission per role ({@link Level}, one bit each). A grant is one granting ACE for a
 *       {@link PrincipalSid} (user) or a {@link GrantedAuthoritySid} {@code TEAM_id}; a {@code null} grant is
 *       a denying ACE for every role, so it stops the walk for that subject as in Gatehouse. A role default
 *       is an ACE for {@code ROLE_MEMBER}, an authority of every non-guest member; the organization ACL holds
 *       one ACE per member role for {@code ORG_role}.</li>
 *   <li>"May u do X on R" is {@code Acl.isGranted(every role at least X, sids of u)} with the user's sid
 *       first, then teams, then {@code ROLE_MEMBER} and {@code ORG_role}: Spring ACL matches masks exactly,
 *       so the role order lives in the permission list. Organization admins are answered before the ACL, as
 *       a Spring application does with {@code hasRole('ADMIN') or hasPermission(...)}; disabled members
 *       likewise get nothing.</li>
 * </ul>
 *
 * <p>What it cannot express: an ACL has <b>one parent</b>, so the site level (grants on a site reaching the
 * spaces it publishes) is left out. Spring ACL stops at the first ACE that matches any asked permission
 * for the first sid that has one, so <b>the nearest level wins</b> holds for "can read" but not for higher
 * actions (a nearer lower grant does not stop the walk when asked for more), and the <b>highest of several
 * team grants</b> is not taken: a team's {@code null} grant hides another team's grant on the same level
 * when that team comes first in the sid list. Soft-deleted spaces do not occur in the dataset. There is no
 * reverse lookup, so "who can reach R" loads R's ACL once and checks every member's sids, and "which spaces
 * can u reach" reads every space's ACL in one {@code readAclsById} and checks each.
 */
final class SpringAclWorld implements AutoCloseable {
    /** The Gatehouse roles as ACL permissions, one bit each in power order. */
    static final class Level extends AbstractPermission {
        private static final long serialVersionUID = 1L;
        public static final Permission READ = new Level(1, 'R');
        public static final Permission COMMENT = new Level(1 << 1, 'C');
        public static final Permission EDIT = new Level(1 << 2, 'E');
        public static final Permission REVIEW = new Level(1 << 3, 'V');
        public static final Permission CREATE = new Level(1 << 4, 'N');
        public static final Permission ADMIN = new Level(1 << 5, 'A');
        static final Permission[] BY_ROLE = {READ, COMMENT, EDIT, REVIEW, CREATE, ADMIN};

        private Level(int mask, char code) {
            super(mask, code);
        }

        static Permission of(Role role) {
            return BY_ROLE[role.ordinal()];
        }

        /** Every permission that answers "at least {@code role}". */
        static List<Permission> atLeast(Role role) {
            return List.of(BY_ROLE).subList(role.ordinal(), BY_ROLE.length);
        }
    }

    private static int databases;

    private final SingleConnectionDataSource dataSource;
    final JdbcMutableAclService service;
    private final SpringCacheBasedAclCache cache;
    /** Each enabled non-admin member's sids, as their {@code Authentication} would give them. */
    private final Map<String, List<Sid>> sids = new HashMap<>();
    private final Map<String, Boolean> admins = new HashMap<>();
    private final List<ObjectIdentity> identities = new ArrayList<>();
    private static final List<List<Permission>> AT_LEAST = new ArrayList<>();

    static {
        for (Role r : Role.values()) {
            AT_LEAST.add(Level.atLeast(r));
        }
    }

    SpringAclWorld(World world, String org) {
        synchronized (SpringAclWorld.class) {
            databases++;
        }
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:acl" + databases + ";MODE=LEGACY;DB_CLOSE_DELAY=-1",
                true);
        // Spring ACL ships its schemas for HSQLDB; H2 reads them as they are, and LEGACY mode keeps the
        // identity() function that JdbcMutableAclService asks for new keys with. The variant with a class id
        // type keeps object ids as text: the ids are text, and Spring binds them as text, which against the
        // plain schema's bigint column makes the database convert every row instead of using the index.
        new ResourceDatabasePopulator(new ClassPathResource("createAclSchemaWithAclClassIdType.sql")).execute(dataSource);
        // The shipped schema indexes only its unique keys; the lookups by object id and by parent would
        // scan the table on every ACL written, which makes loading quadratic.
        new JdbcTemplate(dataSource).execute("create index acl_oid on acl_object_identity(object_id_identity)");
        new JdbcTemplate(dataSource).execute("create index acl_parent on acl_object_identity(parent_object)");
        AclAuthorizationStrategy authorization = new AclAuthorizationStrategyImpl(new SimpleGrantedAuthority("ROLE_ACL_ADMIN"));
        PermissionGrantingStrategy granting = new DefaultPermissionGrantingStrategy(new ConsoleAuditLogger());
        cache = new SpringCacheBasedAclCache(new ConcurrentMapCache("acl"), granting, authorization);
        BasicLookupStrategy lookup = new BasicLookupStrategy(dataSource, cache, authorization, granting);
        // Named explicitly: the factory's scan of public fields cannot read a class private to this package.
        Map<String, Permission> named = new HashMap<>();
        for (Role r : Role.values()) {
            named.put(r.name(), Level.of(r));
        }
        lookup.setPermissionFactory(new DefaultPermissionFactory(named));
        lookup.setAclClassIdSupported(true);
        service = new JdbcMutableAclService(dataSource, lookup, cache);
        service.setAclClassIdSupported(true);

        Map<String, Member> members = world.members(org);
        Map<String, List<Sid>> teamsOf = new HashMap<>();
        for (String team : world.teams(org).keySet()) {
            for (String user : world.teamMembers(team).keySet()) {
                teamsOf.computeIfAbsent(user, u -> new ArrayList<>()).add(new GrantedAuthoritySid("TEAM_" + team));
            }
        }
        for (Member m : members.values()) {
            if (m.disabled()) {
                continue;
            }
            if (m.role() == Role.ADMIN) {
                admins.put(m.userId(), true);
                continue;
            }
            List<Sid> mine = new ArrayList<>();
            mine.add(new PrincipalSid(m.userId()));
            mine.addAll(teamsOf.getOrDefault(m.userId(), List.of()));
            if (m.role() != null) {
                mine.add(new GrantedAuthoritySid("ROLE_MEMBER"));
                mine.add(new GrantedAuthoritySid("ORG_" + m.role().name()));
            }
            sids.put(m.userId(), List.copyOf(mine));
        }

        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("gatehouse", "", "ROLE_ACL_ADMIN"));
        try {
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            List<Runnable> steps = new ArrayList<>();
            ObjectIdentity root = new ObjectIdentityImpl("organization", org);
            steps.add(() -> {
                MutableAcl acl = service.createAcl(root);
                for (Role r : Role.values()) {
                    if (r != Role.ADMIN) {
                        acl.insertAce(acl.getEntries().size(), Level.of(r), new GrantedAuthoritySid("ORG_" + r.name()), true);
                    }
                }
                service.updateAcl(acl);
            });
            for (Collection c : world.collections(org).values()) {
                ResourceRef r = ResourceRef.collection(c.id());
                ObjectIdentity parent = c.parentId() == null ? root : oid(ResourceRef.collection(c.parentId()));
                steps.add(() -> level(world, r, parent, c.defaultLevel()));
            }
            for (Space s : world.spaces(org)) {
                ResourceRef r = ResourceRef.space(s.id());
                ObjectIdentity parent = s.parentId() == null ? root : oid(ResourceRef.collection(s.parentId()));
                steps.add(() -> level(world, r, parent, s.defaultLevel()));
            }
            for (Space s : world.spaces(org)) {
                for (Page p : world.pages(s.id())) {
                    ObjectIdentity parent = oid(p.parentId() == null ? ResourceRef.space(s.id()) : ResourceRef.page(p.parentId()));
                    steps.add(() -> level(world, ResourceRef.page(p.id()), parent, p.defaultLevel()));
                }
            }
            // Parents are created before children: collections in id order (a parent's id is smaller), then
            // spaces, then pages (a parent page's id is smaller). One transaction per thousand ACLs keeps
            // H2's undo log small.
            for (int i = 0; i < steps.size(); i += 1000) {
                List<Runnable> chunk = steps.subList(i, Math.min(steps.size(), i + 1000));
                tx.executeWithoutResult(status -> chunk.forEach(Runnable::run));
            }
            identities.add(root);
        } finally {
            SecurityContextHolder.clearContext();
        }
        // Warm the cache: every ACL (and through it its parents) read once, as a running application has.
        cache.clearCache();
        service.readAclsById(identities);
    }

    private void level(World world, ResourceRef r, ObjectIdentity parent, DefaultLevel level) {
        ObjectIdentity id = oid(r);
        MutableAcl acl = service.createAcl(id);
        acl.setParent(service.readAclById(parent));
        acl.setEntriesInheriting(level.isInherit());
        World.Grants grants = world.grants(r);
        for (Grant g : grants.users().values()) {
            ace(acl, new PrincipalSid(g.subject().id()), g.role());
        }
        for (Grant g : grants.teams().values()) {
            ace(acl, new GrantedAuthoritySid("TEAM_" + g.subject().id()), g.role());
        }
        if (level.kind() == DefaultLevel.Kind.ROLE) {
            ace(acl, new GrantedAuthoritySid("ROLE_MEMBER"), level.role());
        }
        service.updateAcl(acl);
        identities.add(id);
    }

    private static void ace(MutableAcl acl, Sid sid, Role role) {
        if (role != null) {
            acl.insertAce(acl.getEntries().size(), Level.of(role), sid, true);
        } else {
            for (Permission p : Level.BY_ROLE) {
                acl.insertAce(acl.getEntries().size(), p, sid, false);
            }
        }
    }

    static ObjectIdentity oid(ResourceRef r) {
        return new ObjectIdentityImpl(r.type().wire(), r.id());
    }

    /** Spring ACL's answer to "may {@code user} do {@code action} on {@code r}". */
    boolean can(String user, ResourceRef r, Role action) {
        if (admins.containsKey(user)) {
            return true;
        }
        List<Sid> mine = sids.get(user);
        if (mine == null) {
            return false;
        }
        return granted(service.readAclById(oid(r), mine), AT_LEAST.get(action.ordinal()), mine);
    }

    private static boolean granted(Acl acl, List<Permission> permissions, List<Sid> sids) {
        try {
            return acl.isGranted(permissions, sids, false);
        } catch (NotFoundException e) {
            // No ACE on the way up decided: Spring ACL's "no" for a walk that ends without an answer.
            return false;
        }
    }

    /** Who can read {@code r}: its ACL read once, then every member's sids checked against it. */
    List<String> readers(ResourceRef r, List<String> members) {
        Acl acl = service.readAclById(oid(r));
        List<Permission> read = AT_LEAST.get(0);
        List<String> out = new ArrayList<>();
        for (String user : members) {
            List<Sid> mine = sids.get(user);
            if (admins.containsKey(user) || mine != null && granted(acl, read, mine)) {
                out.add(user);
            }
        }
        return out;
    }

    /** Which of {@code spaces} {@code user} can read: their ACLs read in one call, then each checked. */
    List<ResourceRef> readable(String user, List<ResourceRef> spaces) {
        List<ResourceRef> out = new ArrayList<>();
        if (admins.containsKey(user)) {
            out.addAll(spaces);
            return out;
        }
        List<Sid> mine = sids.get(user);
        if (mine == null) {
            return out;
        }
        List<ObjectIdentity> ids = new ArrayList<>(spaces.size());
        for (ResourceRef s : spaces) {
            ids.add(oid(s));
        }
        Map<ObjectIdentity, Acl> acls = service.readAclsById(ids, mine);
        List<Permission> read = AT_LEAST.get(0);
        for (int i = 0; i < spaces.size(); i++) {
            if (granted(acls.get(ids.get(i)), read, mine)) {
                out.add(spaces.get(i));
            }
        }
        return out;
    }

    int acls() {
        return identities.size();
    }

    @Override
    public void close() {
        dataSource.destroy();
    }
}
