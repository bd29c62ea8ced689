package dev.gatehouse.service;

import dev.gatehouse.engine.Reads;
import dev.gatehouse.engine.Permissions;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Organization;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Team;
import dev.gatehouse.model.TeamMembership;
import dev.gatehouse.model.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Organizations, their members and invitations. */
public final class OrganizationService {
    private final Reads reads;
    private final Writes writes;
    private final Mint mint;
    private final MemberCascade cascade = new MemberCascade();

    public OrganizationService(Reads reads, Writes writes, Mint mint) {
        this.reads = reads;
        this.writes = writes;
        this.mint = mint;
    }

    /** Creates an organization with its first admin (system only). */
    public Written<Organization> create(Caller caller, String title, Role defaultRole, String adminUserId) {
        if (!caller.system()) {
            throw ApiException.forbidden("only the system token may create organizations");
        }
        String t = Validate.text("title", title, 2, 255);
        if (adminUserId == null) {
            throw ApiException.badRequest("'admin' is required: the id of the user who administers the organization");
        }
        return writes.write(caller, w -> {
            if (w.user(adminUserId) == null) {
                throw ApiException.badRequest("no user with id '" + adminUserId + "' to be the admin");
            }
            Instant now = mint.now();
            Organization org = new Organization(mint.newId(), t, defaultRole, now);
            return Plan.of(List.of(new Change.OrganizationPut(org),
                    new Change.MemberPut(new Member(org.id(), adminUserId, Role.ADMIN, false, now))), org);
        });
    }

    /** Organizations the caller belongs to (all of them for the system token), by id. */
    public Slice<Organization> list(Caller caller, String after, int limit) {
        return reads.read(w -> {
            Iterable<Organization> source;
            if (caller.system()) {
                source = after == null ? w.organizations().values() : w.organizations().tailMap(after, false).values();
            } else {
                var ids = after == null ? w.organizationsOf(caller.userId()) : w.organizationsOf(caller.userId()).tailSet(after, false);
                source = () -> ids.stream().map(w::organization).iterator();
            }
            return Paging.take(source, o -> caller.system() || !w.member(o.id(), caller.userId()).disabled(), limit,
                    Organization::id);
        });
    }

    /** An organization with the caller's membership (for its permission flags). */
    public record OrganizationView(Organization organization, Member caller, boolean ownsTeam) { }

    public OrganizationView get(Caller caller, String orgId) {
        return reads.read(w -> seen(w, caller, orgId));
    }

    public OrganizationView seen(World w, Caller caller, String orgId) {
        Member m = Guard.member(w, caller, orgId);
        boolean owns = !caller.system() && w.teamsOf(caller.userId()).stream()
                .map(w::team)
                .anyMatch(t -> t.orgId().equals(orgId)
                        && w.teamMembers(t.id()).get(caller.userId()).role() == dev.gatehouse.model.TeamRole.OWNER);
        return new OrganizationView(w.organization(orgId), m, owns);
    }

    public Written<OrganizationView> update(Caller caller, String orgId, String title, Role defaultRole, boolean defaultRoleGiven) {
        return update(caller, orgId, title, defaultRole, defaultRoleGiven, null);
    }

    /** Changes the title, the default role and/or the email domains whose users may join (null: unchanged). */
    public Written<OrganizationView> update(Caller caller, String orgId, String title, Role defaultRole, boolean defaultRoleGiven,
                                List<String> emailDomains) {
        String t = title == null ? null : Validate.text("title", title, 2, 255);
        List<String> domains = emailDomains == null ? null : EmailDomains.normalize(emailDomains);
        return writes.write(caller, w -> {
            Guard.orgAdmin(w, caller, orgId);
            Organization o = w.organization(orgId);
            Organization changed = new Organization(o.id(), t != null ? t : o.title(),
                    defaultRoleGiven ? defaultRole : o.defaultRole(), o.createdAt(),
                    domains != null ? domains : o.emailDomains());
            OrganizationView before = seen(w, caller, orgId);
            return Plan.of(List.of(new Change.OrganizationPut(changed)),
                    new OrganizationView(changed, before.caller(), before.ownsTeam()));
        });
    }

    /**
     * Filters and order of the members list. {@code role} null: any; {@code guestOnly}: only guests;
     * {@code byName}: by display name ({@link MemberNames}) instead of join time.
     */
    public record MemberQuery(Role role, boolean guestOnly, String search, boolean descending, boolean byName) { }

    /** Members in join order (GitBook's default sort) or by name, filtered. Guests may not list members. */
    public Slice<MemberView> members(Caller caller, String orgId, MemberQuery q, String after, int limit) {
        String needle = q.search() == null ? null : q.search().strip().toLowerCase(Locale.ROOT);
        return reads.read(w -> {
            Guard.nonGuest(w, caller, orgId);
            if (q.byName()) {
                return Paging.map(MemberNames.page(w, orgId, m -> matches(w, m, q, needle), q.descending(), after, limit),
                        m -> MemberView.of(w, m));
            }
            var all = w.membersByJoinTime(orgId);
            var ordered = q.descending() ? all.descendingSet() : all;
            Member from = after == null ? null : JoinKey.parse(orgId, after);
            var source = from == null ? ordered : ordered.tailSet(from, false);
            return Paging.map(Paging.take(source, m -> matches(w, m, q, needle), limit, JoinKey::of),
                    m -> MemberView.of(w, m));
        });
    }

    private static boolean matches(World w, Member m, MemberQuery q, String needle) {
        if (q.guestOnly() && m.role() != null) {
            return false;
        }
        if (q.role() != null && m.role() != q.role()) {
            return false;
        }
        if (needle == null || needle.isEmpty()) {
            return true;
        }
        User u = w.user(m.userId());
        return u.displayName().toLowerCase(Locale.ROOT).contains(needle)
                || (u.email() != null && u.email().contains(needle));
    }

    /** The keyset position of a member in join order: epoch microseconds and user id. */
    static final class JoinKey {
        private JoinKey() {
        }

        static String of(Member m) {
            Instant t = m.joinedAt();
            return (t.getEpochSecond() * 1_000_000L + t.getNano() / 1000) + ":" + m.userId();
        }

        static Member parse(String orgId, String key) {
            int colon = key.indexOf(':');
            long micros = Long.parseLong(key.substring(0, colon));
            Instant t = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
            return new Member(orgId, key.substring(colon + 1), null, false, t);
        }
    }

    /** One member: visible to the organization's non-guest members and to the member themselves. */
    public MemberView member(Caller caller, String orgId, String userId) {
        return reads.read(w -> MemberView.of(w, visibleMember(w, caller, orgId, userId)));
    }

    private static Member visibleMember(World w, Caller caller, String orgId, String userId) {
        Member self = Guard.member(w, caller, orgId);
        if (self.role() == null && !userId.equals(caller.userId())) {
            throw ApiException.forbidden("guests of organization '" + orgId + "' can only see their own membership");
        }
        Member m = w.member(orgId, userId);
        if (m == null) {
            throw ApiException.notFound("no member '" + userId + "' in organization '" + orgId + "'");
        }
        return m;
    }

    /** Changes a member's role and/or disabled flag (admins only; the last admin stays). */
    public Written<MemberView> updateMember(Caller caller, String orgId, String userId, Role role, boolean roleGiven,
                                        Boolean disabled) {
        if (!roleGiven && disabled == null) {
            throw ApiException.badRequest("give 'role' (a role or null for guest) and/or 'disabled'");
        }
        return writes.write(caller, w -> {
            Guard.orgAdmin(w, caller, orgId);
            Member m = visibleMember(w, caller, orgId, userId);
            Member changed = new Member(orgId, userId, roleGiven ? role : m.role(),
                    disabled != null ? disabled : m.disabled(), m.joinedAt(), m.sso());
            MemberView before = MemberView.of(w, m);
            if (changed.equals(m)) {
                return Plan.nothing(before);
            }
            if (changed.role() != Role.ADMIN || changed.disabled()) {
                cascade.requireAnotherAdmin(w, m, "demote or disable '" + userId + "'");
            }
            return Plan.of(List.of(new Change.MemberPut(changed)),
                    new MemberView(changed, before.user(), before.spaces(), before.teams(), before.sites()));
        });
    }

    /** Removes a member with their grants and team places. Admins may remove anyone; members may leave. */
    public Written<Boolean> removeMember(Caller caller, String orgId, String userId) {
        return writes.write(caller, w -> {
            Member self = Guard.member(w, caller, orgId);
            boolean leaving = userId.equals(caller.userId());
            if (self.role() != Role.ADMIN && !leaving) {
                throw ApiException.forbidden("only admins of organization '" + orgId + "' may remove other members");
            }
            Member m = w.member(orgId, userId);
            if (m == null) {
                return Plan.nothing(false);
            }
            cascade.requireAnotherAdmin(w, m, "remove '" + userId + "'");
            List<Change> changes = new ArrayList<>();
            cascade.removeMember(w, m, changes);
            return Plan.of(changes, true);
        });
    }

    public record Invite(String email, Role role, boolean roleGiven) { }

    public record InviteResult(List<String> users, int invited) { }

    /**
     * Adds people to the organization by email. Known users join at once; unknown emails become invited
     * users who are members at once. Someone already a member keeps their role.
     */
    public Written<InviteResult> invite(Caller caller, String orgId, List<Invite> invites, Role role, boolean roleGiven) {
        if (invites.isEmpty()) {
            throw ApiException.badRequest("'emails' is empty: give at least one email");
        }
        if (invites.size() > Paging.MAX_LIMIT) {
            throw ApiException.badRequest("at most " + Paging.MAX_LIMIT + " emails per request; got " + invites.size());
        }
        for (Invite i : invites) {
            Emails.normalize(i.email());
        }
        return writes.write(caller, w -> {
            Guard.orgAdmin(w, caller, orgId);
            Role fallback = roleGiven ? role : w.organization(orgId).defaultRole();
            List<Change> changes = new ArrayList<>();
            Recipients recipients = new Recipients(mint, caller, w, orgId, changes);
            List<String> ids = new ArrayList<>();
            for (Invite i : invites) {
                User u = recipients.resolveOnce(Emails.normalize(i.email()), "emails");
                recipients.ensureMember(u, i.roleGiven() ? i.role() : fallback);
                ids.add(u.id());
            }
            return Plan.of(changes, new InviteResult(ids, recipients.invitedCount()));
        });
    }

    /** A space a member can access: their permission, and the caller's (for the space's flags). */
    public record MemberSpace(dev.gatehouse.model.Space space, Role memberRole, Role callerRole) { }

    /** Spaces a member can access with their permission (the member themselves or an admin). */
    public Slice<MemberSpace> memberSpaces(Caller caller, String orgId, String userId, boolean descending,
                                           Permissions.SpaceKey after, int limit) {
        return reads.read(w -> {
            selfOrAdmin(w, caller, orgId, userId);
            Permissions.MemberSpacesPage page = Permissions.memberSpaces(w, orgId, userId, descending, after, limit);
            Slice<Permissions.SpaceAccess> slice = Slice.of(page.items(), page.hasMore(), sa -> SpaceKeys.of(sa.space()));
            boolean self = userId.equals(caller.userId());
            return Paging.map(slice, sa -> new MemberSpace(sa.space(), sa.role(),
                    self ? sa.role() : Guard.roleOn(w, caller, dev.gatehouse.model.ResourceRef.space(sa.space().id()))));
        });
    }

    public record TeamPlace(TeamService.TeamView team, TeamMembership membership) { }

    /** Teams a member belongs to (the member themselves or an admin), by team id. */
    public Slice<TeamPlace> memberTeams(Caller caller, String orgId, String userId, String title, String after, int limit) {
        String needle = title == null ? null : title.strip().toLowerCase(Locale.ROOT);
        return reads.read(w -> {
            selfOrAdmin(w, caller, orgId, userId);
            var ids = after == null ? w.teamsOf(userId) : w.teamsOf(userId).tailSet(after, false);
            Iterable<TeamPlace> source = () -> ids.stream()
                    .map(w::team)
                    .filter(t -> t.orgId().equals(orgId))
                    .map(t -> new TeamPlace(TeamService.view(w, caller, t), w.teamMembers(t.id()).get(userId)))
                    .iterator();
            return Paging.take(source,
                    p -> needle == null || p.team().team().title().toLowerCase(Locale.ROOT).contains(needle),
                    limit, p -> p.team().team().id());
        });
    }

    /**
     * The caller joins the organization by themselves, as its default role, when their email is in one of the
     * organization's email domains (a user's email is the one the platform registered: Gatehouse trusts it as
     * verified; an invited user who has no account yet cannot join). An organization without email domains is
     * a 404, as one that does not exist; another domain is a 400. A member already is answered as done.
     */
    public Written<Boolean> joinByEmailDomain(Caller caller, String orgId) {
        if (caller.system()) {
            throw ApiException.badRequest("the system token is not a user: join with the token of the user who joins");
        }
        return writes.write(caller, w -> {
            Organization o = w.organization(orgId);
            if (o == null || o.emailDomains().isEmpty()) {
                throw Guard.orgNotFound(orgId);
            }
            Member m = w.member(orgId, caller.userId());
            if (m != null) {
                if (m.disabled()) {
                    throw ApiException.forbidden("your membership of organization '" + orgId
                            + "' is disabled: an admin must enable it again");
                }
                return Plan.nothing(false);
            }
            User u = w.user(caller.userId());
            String domain = u == null || u.invited() ? null : EmailDomains.of(u.email());
            if (domain == null || !o.emailDomains().contains(domain)) {
                throw ApiException.badRequest("your email's domain is not one of those organization '" + orgId
                        + "' admits; ask an admin for an invite");
            }
            return Plan.of(List.of(new Change.MemberPut(new Member(orgId, caller.userId(), o.defaultRole(), false,
                    mint.now()))), true);
        });
    }

    /** Marks a member as signing in through the organization's single sign-on (admins only). */
    public Written<MemberView> setSso(Caller caller, String orgId, String userId) {
        return writes.write(caller, w -> {
            Guard.orgAdmin(w, caller, orgId);
            Member m = visibleMember(w, caller, orgId, userId);
            MemberView before = MemberView.of(w, m);
            if (m.sso()) {
                return Plan.nothing(before);
            }
            Member changed = m.withSso(true);
            return Plan.of(List.of(new Change.MemberPut(changed)),
                    new MemberView(changed, before.user(), before.spaces(), before.teams(), before.sites()));
        });
    }

    private static void selfOrAdmin(World w, Caller caller, String orgId, String userId) {
        Member self = Guard.member(w, caller, orgId);
        if (!userId.equals(caller.userId()) && self.role() != Role.ADMIN) {
            throw ApiException.forbidden("only the member themselves or an admin may list this");
        }
        if (w.member(orgId, userId) == null) {
            throw ApiException.notFound("no member '" + userId + "' in organization '" + orgId + "'");
        }
    }
}
