package dev.gatehouse.service;

import dev.gatehouse.engine.Reads;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.ScimRecord;
import dev.gatehouse.model.Team;
import dev.gatehouse.model.TeamMembership;
import dev.gatehouse.model.TeamRole;
import dev.gatehouse.model.User;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An organization's people and teams as its identity provider provisions them over SCIM: a SCIM user is a
 * member (userName their email), a SCIM group a team. Every change is one write through the write path, so it
 * has one revision, audit entries with the actor {@code scim}, webhooks, and the index updated at once.
 *
 * <p>Only the caller of a SCIM token of {@code orgId} reaches this; the HTTP layer checks that before parsing.
 */
public final class ScimDirectory {
    private static final ScimRecord.Kind USER = ScimRecord.Kind.USER;
    private static final ScimRecord.Kind GROUP = ScimRecord.Kind.GROUP;

    private final Reads reads;
    private final Writes writes;
    private final Mint mint;
    private final MemberCascade cascade = new MemberCascade();

    public ScimDirectory(Reads reads, Writes writes, Mint mint) {
        this.reads = reads;
        this.writes = writes;
        this.mint = mint;
    }

    /** A member as SCIM shows them; {@code name} is the SCIM complex attribute as JSON text, or null. */
    public record UserView(String id, String userName, String displayName, String externalId, String name,
                           boolean active, Instant created, Instant lastModified) { }

    /** What a SCIM create or replace of a user says; {@code displayName} null means the email. */
    public record UserInput(String userName, String displayName, String externalId, String name, boolean active) { }

    public record GroupMember(String id, String display) { }

    public record GroupView(String id, String displayName, String externalId, List<GroupMember> members,
                            Instant created, Instant lastModified) { }

    public record GroupInput(String displayName, String externalId, List<String> members) { }

    // ---------------------------------------------------------------- users

    public UserView user(Caller caller, String orgId, String userId) {
        return reads.read(w -> {
            own(caller, orgId);
            return userView(w, orgId, existingMember(w, orgId, userId).userId());
        });
    }

    /** Every member of the organization, by user id. */
    public List<UserView> users(Caller caller, String orgId) {
        return reads.read(w -> {
            own(caller, orgId);
            return allUsers(w, orgId);
        });
    }

    private static List<UserView> allUsers(World w, String orgId) {
        List<UserView> out = new ArrayList<>();
        for (String userId : w.members(orgId).keySet()) {
            out.add(userView(w, orgId, userId));
        }
        return out;
    }

    /**
     * Every member a list filtered by {@code userName eq email} (compared ignoring case) can hold, read without
     * building every member's view when that is exact: {@code email} is lower-case ASCII, and so is every
     * user's email. Otherwise every member, for the filter to choose from.
     */
    public List<UserView> usersByEmail(Caller caller, String orgId, String email) {
        return reads.read(w -> {
            own(caller, orgId);
            if (!w.emailsAllPlain()) {
                return allUsers(w, orgId);
            }
            User u = w.userByEmail(email);
            return u == null || w.member(orgId, u.id()) == null ? List.of() : List.of(userView(w, orgId, u.id()));
        });
    }

    /**
     * Provisions a member. A user known by this email (invited earlier, or a member of another organization) is
     * that same user, with their grants; a member the provider has not provisioned yet is taken over as they are.
     */
    public Written<UserView> createUser(Caller caller, String orgId, UserInput in) {
        String email = email(in.userName());
        String displayName = displayName(in.displayName(), email);
        return writes.write(caller, w -> {
            own(caller, orgId);
            List<Change> changes = new ArrayList<>();
            Instant now = mint.now();
            User u = w.userByEmail(email);
            if (u == null) {
                u = new User(mint.newId(), displayName, email, null, true, now);
                changes.add(new Change.UserPut(u));
            }
            Member m = w.member(orgId, u.id());
            if (m != null && w.scimRecord(orgId, USER, u.id()) != null) {
                throw ScimRefusal.uniqueness("userName '" + email + "' is already provisioned (id '" + u.id() + "')");
            }
            if (m == null) {
                changes.add(new Change.MemberPut(new Member(orgId, u.id(), w.organization(orgId).defaultRole(),
                        !in.active(), now)));
            } else if (m.disabled() == in.active()) {
                changes.add(new Change.MemberPut(enabled(w, m, in.active())));
            }
            changes.add(new Change.ScimRecordPut(new ScimRecord(orgId, USER, u.id(), in.externalId(), displayName,
                    in.name(), now)));
            String userId = u.id();
            return Plan.viewed(changes, after -> userView(after, orgId, userId));
        });
    }

    /** Replaces what SCIM says of a member (PUT, and what a PATCH leaves). Nothing changes when nothing differs. */
    public Written<UserView> replaceUser(Caller caller, String orgId, String userId, UserInput in) {
        String email = email(in.userName());
        String displayName = displayName(in.displayName(), email);
        return writes.write(caller, w -> {
            own(caller, orgId);
            Member m = existingMember(w, orgId, userId);
            User u = w.user(userId);
            List<Change> changes = new ArrayList<>();
            if (!email.equals(u.email())) {
                User other = w.userByEmail(email);
                if (other != null) {
                    throw ScimRefusal.uniqueness("userName '" + email + "' belongs to another user (id '" + other.id() + "')");
                }
                if (w.organizationsOf(userId).size() > 1) {
                    throw new ScimRefusal(400, "mutability", "user '" + userId + "' is a member of other organizations "
                            + "too, so their userName (email) cannot be changed from this one");
                }
                changes.add(new Change.UserPut(new User(u.id(), u.displayName(), email, u.photoUrl(), u.invited(),
                        u.createdAt())));
            }
            if (m.disabled() == in.active()) {
                changes.add(new Change.MemberPut(enabled(w, m, in.active())));
            }
            ScimRecord old = w.scimRecord(orgId, USER, userId);
            boolean sameRecord = old != null && Objects.equals(old.externalId(), in.externalId())
                    && Objects.equals(old.displayName(), displayName) && Objects.equals(old.name(), in.name());
            if (changes.isEmpty() && sameRecord) {
                return Plan.nothing(userView(w, orgId, userId));
            }
            changes.add(new Change.ScimRecordPut(new ScimRecord(orgId, USER, userId, in.externalId(), displayName,
                    in.name(), mint.now())));
            return Plan.viewed(changes, after -> userView(after, orgId, userId));
        });
    }

    /** Removes the membership with its grants and team places; the user (who may belong elsewhere) stays. */
    public Written<Boolean> deleteUser(Caller caller, String orgId, String userId) {
        return writes.write(caller, w -> {
            own(caller, orgId);
            Member m = existingMember(w, orgId, userId);
            cascade.requireAnotherAdmin(w, m, "remove '" + userId + "'");
            List<Change> changes = new ArrayList<>();
            cascade.removeMember(w, m, changes);
            return Plan.of(changes, true);
        });
    }

    // ---------------------------------------------------------------- groups

    public GroupView group(Caller caller, String orgId, String teamId) {
        return reads.read(w -> {
            own(caller, orgId);
            return groupView(w, existingTeam(w, orgId, teamId));
        });
    }

    /** Every team of the organization, by id. */
    public List<GroupView> groups(Caller caller, String orgId) {
        return reads.read(w -> {
            own(caller, orgId);
            List<GroupView> out = new ArrayList<>();
            for (Team t : w.teams(orgId).values()) {
                out.add(groupView(w, t));
            }
            return out;
        });
    }

    public Written<GroupView> createGroup(Caller caller, String orgId, GroupInput in) {
        String title = title(in.displayName());
        Set<String> memberIds = memberIds(in.members());
        return writes.write(caller, w -> {
            own(caller, orgId);
            requireMembers(w, orgId, memberIds);
            Instant now = mint.now();
            Team team = new Team(mint.newId(), orgId, title, now);
            List<Change> changes = new ArrayList<>();
            changes.add(new Change.TeamPut(team));
            for (String userId : memberIds) {
                changes.add(new Change.TeamMemberPut(new TeamMembership(team.id(), userId, TeamRole.MEMBER)));
            }
            changes.add(new Change.ScimRecordPut(new ScimRecord(orgId, GROUP, team.id(), in.externalId(), null, null, now)));
            return Plan.viewed(changes, after -> groupView(after, after.team(team.id())));
        });
    }

    /** Replaces a team's name, externalId and members; a member who stays keeps their team role (owner, say). */
    public Written<GroupView> replaceGroup(Caller caller, String orgId, String teamId, GroupInput in) {
        String title = title(in.displayName());
        Set<String> memberIds = memberIds(in.members());
        return writes.write(caller, w -> {
            own(caller, orgId);
            Team team = existingTeam(w, orgId, teamId);
            requireMembers(w, orgId, memberIds);
            List<Change> changes = new ArrayList<>();
            if (!team.title().equals(title)) {
                changes.add(new Change.TeamPut(new Team(team.id(), orgId, title, team.createdAt())));
            }
            Set<String> current = w.teamMembers(teamId).keySet();
            for (String userId : current) {
                if (!memberIds.contains(userId)) {
                    changes.add(new Change.TeamMemberRemoved(teamId, userId));
                }
            }
            for (String userId : memberIds) {
                if (!current.contains(userId)) {
                    changes.add(new Change.TeamMemberPut(new TeamMembership(teamId, userId, TeamRole.MEMBER)));
                }
            }
            ScimRecord old = w.scimRecord(orgId, GROUP, teamId);
            boolean sameRecord = old != null && Objects.equals(old.externalId(), in.externalId());
            if (changes.isEmpty() && sameRecord) {
                return Plan.nothing(groupView(w, team));
            }
            changes.add(new Change.ScimRecordPut(new ScimRecord(orgId, GROUP, teamId, in.externalId(), null, null,
                    mint.now())));
            return Plan.viewed(changes, after -> groupView(after, after.team(teamId)));
        });
    }

    /** Deletes a team with its grants and places, as an admin's delete does. */
    public Written<Boolean> deleteGroup(Caller caller, String orgId, String teamId) {
        return writes.write(caller, w -> {
            own(caller, orgId);
            existingTeam(w, orgId, teamId);
            List<Change> changes = new ArrayList<>();
            TeamCascade.removeTeam(w, teamId, changes);
            return Plan.of(changes, true);
        });
    }

    // ---------------------------------------------------------------- views and checks

    private static UserView userView(World w, String orgId, String userId) {
        User u = w.user(userId);
        Member m = w.member(orgId, userId);
        ScimRecord r = w.scimRecord(orgId, USER, userId);
        String displayName = r != null && r.displayName() != null ? r.displayName() : u.displayName();
        return new UserView(userId, u.email(), displayName, r == null ? null : r.externalId(), r == null ? null : r.name(),
                !m.disabled(), m.joinedAt(), r == null ? m.joinedAt() : r.lastModified());
    }

    private static GroupView groupView(World w, Team t) {
        List<GroupMember> members = new ArrayList<>();
        for (String userId : w.teamMembers(t.id()).keySet()) {
            ScimRecord r = w.scimRecord(t.orgId(), USER, userId);
            String display = r != null && r.displayName() != null ? r.displayName() : w.user(userId).displayName();
            members.add(new GroupMember(userId, display));
        }
        ScimRecord r = w.scimRecord(t.orgId(), GROUP, t.id());
        return new GroupView(t.id(), t.title(), r == null ? null : r.externalId(), members, t.createdAt(),
                r == null ? t.createdAt() : r.lastModified());
    }

    /** The member with {@code active} as given; disabling the last enabled admin is refused. */
    private Member enabled(World w, Member m, boolean active) {
        if (!active) {
            cascade.requireAnotherAdmin(w, m, "disable '" + m.userId() + "'");
        }
        return new Member(m.orgId(), m.userId(), m.role(), !active, m.joinedAt(), m.sso());
    }

    private static void own(Caller caller, String orgId) {
        // The HTTP layer authenticates per organization; this makes the rule the service's own as well.
        if (!caller.isScim() || !caller.scimOrgId().equals(orgId)) {
            throw ApiException.unauthorized("only a SCIM token of organization '" + orgId + "' provisions it");
        }
    }

    private static Member existingMember(World w, String orgId, String userId) {
        Member m = userId == null ? null : w.member(orgId, userId);
        if (m == null) {
            throw ApiException.notFound("no user with id '" + userId + "'");
        }
        return m;
    }

    private static Team existingTeam(World w, String orgId, String teamId) {
        Team t = teamId == null ? null : w.team(teamId);
        if (t == null || !t.orgId().equals(orgId)) {
            throw ApiException.notFound("no group with id '" + teamId + "'");
        }
        return t;
    }

    private static void requireMembers(World w, String orgId, Set<String> userIds) {
        for (String userId : userIds) {
            if (w.member(orgId, userId) == null) {
                throw ScimRefusal.invalidValue("members: no user with id '" + userId + "' in this organization");
            }
        }
    }

    private static Set<String> memberIds(List<String> members) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : members == null ? List.<String>of() : members) {
            if (id == null || id.isBlank()) {
                throw ScimRefusal.invalidValue("members: every member needs a 'value', the user's id");
            }
            out.add(id);
        }
        if (out.size() > 10_000) {
            throw new ScimRefusal(400, "tooMany", "members: at most 10000 per group");
        }
        return out;
    }

    private static String email(String userName) {
        if (userName == null || userName.isBlank()) {
            throw ScimRefusal.invalidValue("'userName' is required: the member's email");
        }
        try {
            return Emails.normalize(userName);
        } catch (ApiException e) {
            throw ScimRefusal.invalidValue("'userName' must be the member's email: " + e.getMessage());
        }
    }

    private static String displayName(String given, String email) {
        if (given == null || given.isBlank()) {
            return email;
        }
        return scimText("displayName", given);
    }

    private static String title(String displayName) {
        return scimText("displayName", displayName);
    }

    private static String scimText(String field, String value) {
        try {
            return Validate.text(field, value, 1, 64);
        } catch (ApiException e) {
            throw ScimRefusal.invalidValue(e.getMessage());
        }
    }
}
