package dev.gatehouse.service;

import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ScimRecord;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.model.Team;

import java.util.List;

/**
 * What goes with a deleted team: its grants, its members' places and what SCIM kept of it, spelled out as
 * changes so the store, the index and the changelog agree. An admin's delete and a SCIM delete are one rule.
 */
final class TeamCascade {
    private TeamCascade() {
    }

    static void removeTeam(World w, String teamId, List<Change> changes) {
        SubjectRef subject = SubjectRef.team(teamId);
        for (ResourceRef r : w.grantsHeldBy(subject)) {
            changes.add(new Change.GrantRemoved(r, subject));
        }
        for (String userId : w.teamMembers(teamId).keySet()) {
            changes.add(new Change.TeamMemberRemoved(teamId, userId));
        }
        Team t = w.team(teamId);
        if (w.scimRecord(t.orgId(), ScimRecord.Kind.GROUP, teamId) != null) {
            changes.add(new Change.ScimRecordRemoved(t.orgId(), ScimRecord.Kind.GROUP, teamId));
        }
        changes.add(new Change.TeamRemoved(teamId));
    }
}
