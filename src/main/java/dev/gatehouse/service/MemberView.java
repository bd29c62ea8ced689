package dev.gatehouse.service;

import dev.gatehouse.engine.World;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ResourceType;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.model.User;

/**
 * A member as GitBook shows one: the user, and counts of the spaces and sites they hold direct grants on
 * and of the teams they are in, within the organization. (Counting every space a member can reach would
 * cost a pass over all spaces per member; the direct grants are what an admin manages.)
 */
public record MemberView(Member member, User user, int spaces, int teams, int sites) {

    public static MemberView of(World w, Member m) {
        int spaces = 0;
        int sites = 0;
        for (ResourceRef r : w.grantsHeldBy(SubjectRef.user(m.userId()))) {
            if (!m.orgId().equals(w.organizationOf(r))) {
                continue;
            }
            if (r.type() == ResourceType.SPACE) {
                spaces++;
            } else if (r.type() == ResourceType.SITE) {
                sites++;
            }
        }
        int teams = 0;
        for (String teamId : w.teamsOf(m.userId())) {
            if (w.team(teamId).orgId().equals(m.orgId())) {
                teams++;
            }
        }
        return new MemberView(m, w.user(m.userId()), spaces, teams, sites);
    }
}
