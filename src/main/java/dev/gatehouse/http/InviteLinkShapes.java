package dev.gatehouse.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.model.LinkInvite;
import dev.gatehouse.service.ContentService;
import dev.gatehouse.service.InviteLinkService;
import java.io.IOException;

/** GitBook's OrganizationInviteLink, with Gatehouse's bounds and counts (never the link's id outside its own fields). */
final class InviteLinkShapes {
    private final PublicUrl url;
    private final SpaceShapes spaces;
    private final CollectionShapes collections;

    InviteLinkShapes(PublicUrl url, SpaceShapes spaces, CollectionShapes collections) {
        this.url = url;
        this.spaces = spaces;
        this.collections = collections;
    }

    String location(LinkInvite k) {
        return url.to("/v1/orgs/" + k.orgId() + "/link-invites/" + k.id());
    }

    /** One link: GitBook's OrganizationInviteLink, whose oneOf tells the three kinds apart by role, space, collection. */
    void writeInvite(JsonGenerator json, InviteLinkService.View v) throws IOException {
        write(json, v, false);
    }

    /**
     * One item of the list. GitBook declares every item an InviteLinkToOrganization, which requires {@code role};
     * a link to a space or collection carries {@code role: null} there, the organization role it gives a newcomer
     * (a guest), beside its level and resource.
     */
    void writeListed(JsonGenerator json, InviteLinkService.View v) throws IOException {
        write(json, v, true);
    }

    private void write(JsonGenerator json, InviteLinkService.View v, boolean listed) throws IOException {
        LinkInvite k = v.invite();
        json.writeStartObject();
        json.writeStringField("object", "invite");
        json.writeStringField("id", k.id());
        if (k.toOrganization()) {
            json.writeFieldName("role");
            writeRole(json, k);
        } else {
            if (listed) {
                json.writeNullField("role");
            }
            json.writeFieldName("level");
            writeRole(json, k);
            if (v.space() != null) {
                json.writeFieldName("space");
                spaces.writeSpace(json, v.space(), v.callerRole());
            } else {
                json.writeFieldName("collection");
                collections.writeCollection(json, new ContentService.ContentView<>(v.collection(), v.callerRole()));
            }
        }
        json.writeBooleanField("redundant", v.redundant());
        json.writeStringField("ref", k.ref());
        json.writeBooleanField("active", k.active());
        if (k.expiresAt() != null) {
            json.writeStringField("expiresAt", IsoTime.format(k.expiresAt()));
        }
        if (k.maxUses() != null) {
            json.writeNumberField("maxUses", k.maxUses());
        }
        json.writeNumberField("uses", k.uses());
        json.writeStringField("createdAt", IsoTime.format(k.createdAt()));
        json.writeObjectFieldStart("urls");
        json.writeStringField("location", location(k));
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A guest link's role is null, as a guest's role is everywhere in GitBook's shapes. */
    private static void writeRole(JsonGenerator json, LinkInvite k) throws IOException {
        if (k.role() == null) {
            json.writeNull();
        } else {
            json.writeString(k.role().wire());
        }
    }
}
