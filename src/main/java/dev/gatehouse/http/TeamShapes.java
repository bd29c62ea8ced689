package dev.gatehouse.http;

import static dev.gatehouse.http.Names.*;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.model.TeamMembership;
import dev.gatehouse.service.OrganizationService;
import dev.gatehouse.service.TeamService;
import java.io.IOException;

/** Teams, and the two sides of a membership: a team's members, and a member's teams. */
final class TeamShapes {
    private final MemberShapes members;

    TeamShapes(MemberShapes members) {
        this.members = members;
    }

    void writeTeam(JsonGenerator json, TeamService.TeamView t) throws IOException {
        json.writeStartObject();
        Json.field(json, OBJECT, TEAM);
        Json.field(json, ID, t.team().id());
        Json.field(json, TITLE, t.team().title());
        Json.field(json, MEMBERS, t.members());
        Json.field(json, SPACES, t.spaces());
        Json.field(json, CREATED_AT, IsoTime.format(t.team().createdAt()));
        Json.startObject(json, PERMISSIONS);
        Json.field(json, ADMIN, t.callerAdmin());
        Json.field(json, VIEW, true);
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A member of the team: the organization's member, and their role in the team. */
    void writeTeamMember(JsonGenerator json, TeamService.TeamMemberView m) throws IOException {
        json.writeStartObject();
        json.writeFieldName(ORGANIZATION);
        members.writeMember(json, m.member());
        json.writeFieldName(TEAM);
        writeMembership(json, m.membership());
        Json.startObject(json, PERMISSIONS);
        Json.field(json, VIEW, true);
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A team of a member: the team, and the member's role in it. */
    void writeMemberTeam(JsonGenerator json, OrganizationService.TeamPlace p) throws IOException {
        json.writeStartObject();
        json.writeFieldName(TEAM);
        writeTeam(json, p.team());
        json.writeFieldName(MEMBER);
        writeMembership(json, p.membership());
        json.writeEndObject();
    }

    private static void writeMembership(JsonGenerator json, TeamMembership tm) throws IOException {
        json.writeStartObject();
        Json.field(json, ROLE, tm.role().wire());
        json.writeEndObject();
    }
}
