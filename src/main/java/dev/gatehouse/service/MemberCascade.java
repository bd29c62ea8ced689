package dev.gatehouse.service;

import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.ScimRecord;
import dev.gatehouse.model.SubjectRef;
import java.util.ArrayList;
import java.util.List;

/**
 * What goes with a member who leaves an organization: their grants on its resources, their places in
 * its teams and what SCIM kept of them, spelled out as changes so the store, the index and the changelog agree. Also the guard
 * that an organization always keeps an enabled admin.
 */
final class MemberCascade {

    void removeMember(World w, Member m, List<Change> changes) {
        SubjectRef subject = SubjectRef.user(m.userId());
        for (ResourceRef r : new ArrayList<>(w.grantsHeldBy(subject))) {
            if (m.orgId().equals(w.organizationOf(r))) {
                changes.add(new Change.GrantRemoved(r, subject));
            }
        }
        for (String teamId : w.teamsOf(m.userId())) {
            if (w.team(teamId).orgId().equals(m.orgId())) {
                changes.add(new Change.TeamMemberRemoved(teamId, m.userId()));
            }
        }
        if (w.scimRecord(m.orgId(), ScimRecord.Kind.USER, m.userId()) != null) {
            changes.add(new Change.ScimRecordRemoved(m.orgId(), ScimRecord.Kind.USER, m.userId()));
        }
        changes.add(new Change.MemberRemoved(m.orgId(), m.userId()));
    }

    /** Refuses (409) when {@code m} is the organization's last enabled admin. */
    void requireAnotherAdmin(World w, Member m, String action) {
        if (m.role() != Role.ADMIN || m.disabled()) {
            return;
        }
        for (Member other : w.members(m.orgId()).values()) {
            if (other.role() == Role.ADMIN && !other.disabled() && !other.userId().equals(m.userId())) {
                return;
            }
        }
        throw ApiException.conflict("cannot " + action + ": '" + m.userId() + "' is the last admin of organization '"
                + m.orgId() + "'; make another member admin first");
    }
}
