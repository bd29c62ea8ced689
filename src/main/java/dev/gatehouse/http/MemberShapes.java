package dev.gatehouse.http;

import static dev.gatehouse.http.Names.*;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.model.Member;
import dev.gatehouse.service.MemberView;
import dev.gatehouse.service.OrganizationService;
import java.io.IOException;

/** Members of an organization, the spaces a member reaches, and the answer to an invitation. */
final class MemberShapes {
    private final UserShapes users;
    private final SpaceShapes spaces;

    MemberShapes(UserShapes users, SpaceShapes spaces) {
        this.users = users;
        this.spaces = spaces;
    }

    /** A member, with the counts GitBook shows: direct space and site grants, and teams in the organization. */
    void writeMember(JsonGenerator json, MemberView v) throws IOException {
        Member m = v.member();
        json.writeStartObject();
        Json.field(json, OBJECT, MEMBER);
        Json.field(json, ID, m.userId());
        Json.field(json, ROLE, m.role());
        json.writeFieldName(USER);
        users.writeUser(json, v.user());
        Json.field(json, DISABLED, m.disabled());
        Json.field(json, JOINED_AT, IsoTime.format(m.joinedAt()));
        Json.field(json, SSO, m.sso());
        Json.field(json, SPACES, v.spaces());
        Json.field(json, TEAMS, v.teams());
        Json.field(json, SITES, v.sites());
        Json.field(json, INVITED, v.user().invited());
        json.writeEndObject();
    }

    /** A space a member reaches: the member's permission on it, and the space with the caller's flags. */
    void writeMemberSpace(JsonGenerator json, OrganizationService.MemberSpace ms) throws IOException {
        json.writeStartObject();
        Json.field(json, PERMISSION, ms.memberRole());
        json.writeFieldName(SPACE);
        spaces.writeSpace(json, ms.space(), ms.callerRole());
        json.writeEndObject();
    }

    /** Who an invitation reached: the ids of the users, and how many of them were not members yet. */
    void writeInvited(JsonGenerator json, OrganizationService.InviteResult result) throws IOException {
        json.writeStartObject();
        Json.startArray(json, USERS);
        for (String id : result.users()) {
            json.writeString(id);
        }
        json.writeEndArray();
        Json.field(json, INVITED, result.invited());
        json.writeEndObject();
    }
}
