package dev.gatehouse.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.model.ShareLink;
import dev.gatehouse.service.ShareLinkService;
import java.io.IOException;

/** GitBook's ShareLink: {@code urls.published} is the site's address with the link's key. */
final class ShareLinkShapes {
    private final PublicUrl url;

    ShareLinkShapes(PublicUrl url) {
        this.url = url;
    }

    String location(String orgId, ShareLink l) {
        return url.to("/v1/orgs/" + orgId + "/sites/" + l.siteId() + "/share-links/" + l.id());
    }

    void writeShareLink(JsonGenerator json, String orgId, ShareLinkService.View v) throws IOException {
        ShareLink l = v.link();
        json.writeStartObject();
        json.writeStringField("object", "share-link");
        json.writeStringField("id", l.id());
        json.writeStringField("createdAt", IsoTime.format(l.createdAt()));
        json.writeStringField("name", l.name());
        json.writeBooleanField("active", l.active());
        json.writeObjectFieldStart("urls");
        json.writeStringField("location", location(orgId, l));
        json.writeStringField("published", url.to("/published/sites/" + l.siteId() + "?share=" + v.key()));
        json.writeEndObject();
        json.writeEndObject();
    }
}
