package dev.gatehouse.service;

import dev.gatehouse.engine.Reads;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.model.Team;
import dev.gatehouse.model.TeamMembership;
import dev.gatehouse.model.TeamRole;
import dev.gatehouse.model.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Teams of an organization and their members. Organization admins and a team's owners manage a team. */
public final class TeamService {
    private final Reads reads;
    private final Writes writes;
    private final Mint mint;

    public TeamService(Reads reads, Writes writes, Mint mint) {
        this.reads = reads;
        this.writes = writes;
        this.mint = mint;
    }

    /** A team with what its JSON shows: member count, spaces it holds grants on, and the caller's rights. */
    public record TeamView(Team team, int members, int spaces, boolean callerAdmin) { }

    public static TeamView view(World w, Caller caller, Team t) {
        int spaces = 0;
        for (ResourceRef r : w.grantsHeldBy(SubjectRef.team(t.id()))) {
            if (r.type() == dev.gatehouse.model.ResourceType.SPACE) {
                spaces++;
            }
        }
        return new TeamView(t, w.teamMembers(t.id()).size(), spaces, mayManage(w, caller, t));
    }

    public Slice<TeamView> list(Caller caller, String orgId, String title, String owner, String after, int limit) {
        String needle = title == null ? null : title.strip().toLowerCase(Locale.ROOT);
        return reads.read(w -> {
            Guard.nonGuest(w, caller, orgId);
            var teams = after == null ? w.teams(orgId) : w.teams(orgId).tailMap(after, false);
            Slice<Team> slice = Paging.take(teams.values(), t ->
                    (needle == null || t.title().toLowerCase(Locale.ROOT).contains(needle))
                            && (owner == null || isOwner(w, t.id(), owner)), limit, Team::id);
            return Paging.map(slice, t -> view(w, caller, t));
        });
    }

    public Written<TeamView> create(Caller caller, String orgId, String title, List<String> memberRefs) {
        String t = Validate.text("title", title, 1, 64);
        List<String> refs = memberRefs == null ? List.of() : memberRefs;
        if (refs.size() > Paging.MAX_LIMIT) {
            throw ApiException.badRequest("at most " + Paging.MAX_LIMIT + " members per request");
        }
        return writes.write(caller, w -> {
            Guard.orgAdmin(w, caller, orgId);
            List<Change> changes = new ArrayList<>();
            Team team = new Team(mint.newId(), orgId, t, mint.now());
            changes.add(new Change.TeamPut(team));
            Recipients recipients = new Recipients(mint, caller, w, orgId, changes);
            Map<String, TeamMembership> added = new LinkedHashMap<>();
            for (String ref : refs) {
                User u = recipients.resolve(ref);
                recipients.ensureMember(u, null);
                added.putIfAbsent(u.id(), new TeamMembership(team.id(), u.id(), TeamRole.MEMBER));
            }
            added.values().forEach(m -> changes.add(new Change.TeamMemberPut(m)));
            return Plan.of(changes, new TeamView(team, added.size(), 0, true));
        });
    }

    public TeamView get(Caller caller, String orgId, String teamId) {
        return reads.read(w -> view(w, caller, visibleTeam(w, caller, orgId, teamId)));
    }

    public Written<TeamView> rename(Caller caller, String orgId, String teamId, String title) {
        String t = Validate.text("title", title, 1, 64);
        return writes.write(caller, w -> {
            Team team = manageable(w, caller, orgId, teamId);
            Team renamed = new Team(team.id(), team.orgId(), t, team.createdAt());
            TeamView before = view(w, caller, team);
            return Plan.of(List.of(new Change.TeamPut(renamed)),
                    new TeamView(renamed, before.members(), before.spaces(), true));
        });
    }

    /** Deletes a team with its grants and memberships (organization admins only). */
    public Written<Boolean> delete(Caller caller, String orgId, String teamId) {
        return writes.write(caller, w -> {
            Guard.orgAdmin(w, caller, orgId);
            Team team = w.team(teamId);
            if (team == null || !team.orgId().equals(orgId)) {
                return Plan.nothing(false);
            }
            List<Change> changes = new ArrayList<>();
            TeamCascade.removeTeam(w, teamId, changes);
            return Plan.of(changes, true);
        });
    }

    public record TeamMemberView(MemberView member, TeamMembership membership) { }

    public Slice<TeamMemberView> members(Caller caller, String orgId, String teamId, String after, int limit) {
        return reads.read(w -> {
            visibleTeam(w, caller, orgId, teamId);
            var ms = after == null ? w.teamMembers(teamId) : w.teamMembers(teamId).tailMap(after, false);
            Slice<TeamMembership> slice = Paging.take(ms.values(), m -> true, limit, TeamMembership::userId);
            return Paging.map(slice, m -> new TeamMemberView(MemberView.of(w, w.member(orgId, m.userId())), m));
        });
    }

    /** Adds, removes and re-roles members in one write. Unknown emails are invited; non-members join as guests. */
    public Written<Boolean> updateMembers(Caller caller, String orgId, String teamId, List<String> add,
                                          List<String> remove, Map<String, TeamRole> roles) {
        int size = add.size() + remove.size() + roles.size();
        if (size == 0) {
            throw ApiException.badRequest("give at least one of 'add', 'remove' or 'memberships'");
        }
        if (size > Paging.MAX_LIMIT) {
            throw ApiException.badRequest("at most " + Paging.MAX_LIMIT + " entries per request; got " + size);
        }
        return writes.write(caller, w -> {
            manageable(w, caller, orgId, teamId);
            List<Change> changes = new ArrayList<>();
            Recipients recipients = new Recipients(mint, caller, w, orgId, changes);
            Map<String, TeamMembership> after = new LinkedHashMap<>(w.teamMembers(teamId));
            for (String ref : add) {
                User u = recipients.resolveOnce(ref, "add");
                recipients.ensureMember(u, null);
                after.putIfAbsent(u.id(), new TeamMembership(teamId, u.id(), TeamRole.MEMBER));
            }
            for (Map.Entry<String, TeamRole> e : roles.entrySet()) {
                User u = recipients.resolve(e.getKey());
                recipients.ensureMember(u, null);
                after.put(u.id(), new TeamMembership(teamId, u.id(), e.getValue()));
            }
            for (String ref : remove) {
                User u = Emails.looksLikeEmail(ref) ? w.userByEmail(Emails.normalize(ref)) : w.user(Validate.id("remove", ref));
                if (u != null) {
                    after.remove(u.id());
                }
            }
            for (String userId : w.teamMembers(teamId).keySet()) {
                if (!after.containsKey(userId)) {
                    changes.add(new Change.TeamMemberRemoved(teamId, userId));
                }
            }
            for (TeamMembership m : after.values()) {
                if (!m.equals(w.teamMembers(teamId).get(m.userId()))) {
                    changes.add(new Change.TeamMemberPut(m));
                }
            }
            return Plan.of(changes, !changes.isEmpty());
        });
    }

    public Written<Boolean> putMember(Caller caller, String orgId, String teamId, String userRef, TeamRole role) {
        return updateMembers(caller, orgId, teamId, List.of(), List.of(),
                Map.of(userRef, role == null ? TeamRole.MEMBER : role));
    }

    public Written<Boolean> removeMember(Caller caller, String orgId, String teamId, String userId) {
        return writes.write(caller, w -> {
            manageable(w, caller, orgId, teamId);
            if (w.teamMembers(teamId).get(userId) == null) {
                return Plan.nothing(false);
            }
            return Plan.of(List.of(new Change.TeamMemberRemoved(teamId, userId)), true);
        });
    }

    private static Team visibleTeam(World w, Caller caller, String orgId, String teamId) {
        Member self = Guard.member(w, caller, orgId);
        Team t = w.team(teamId);
        if (t == null || !t.orgId().equals(orgId)) {
            throw ApiException.notFound("no team with id '" + teamId + "' in organization '" + orgId + "'");
        }
        // Guests see only the teams they are in.
        if (self.role() == null && w.teamMembers(teamId).get(caller.userId()) == null) {
            throw ApiException.notFound("no team with id '" + teamId + "' in organization '" + orgId + "'");
        }
        return t;
    }

    private static Team manageable(World w, Caller caller, String orgId, String teamId) {
        Team t = visibleTeam(w, caller, orgId, teamId);
        if (!mayManage(w, caller, t)) {
            throw ApiException.forbidden("only admins of the organization and owners of team '" + teamId
                    + "' may change it");
        }
        return t;
    }

    private static boolean mayManage(World w, Caller caller, Team t) {
        if (caller.system()) {
            return true;
        }
        Member m = w.member(t.orgId(), caller.userId());
        return m != null && !m.disabled() && (m.role() == Role.ADMIN || isOwner(w, t.id(), caller.userId()));
    }

    private static boolean isOwner(World w, String teamId, String userId) {
        TeamMembership m = w.teamMembers(teamId).get(userId);
        return m != null && m.role() == TeamRole.OWNER;
    }
}
