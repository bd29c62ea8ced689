package dev.gatehouse.http.scim;

import de.captaingoldfish.scim.sdk.common.etag.ETag;
import dev.gatehouse.service.Tokens;

/**
 * A resource's {@code meta.version}: a weak ETag over everything SCIM shows of it, lastModified included, so
 * that it changes on every change and only then.
 */
final class ScimVersions {
    private ScimVersions() {
    }

    static ETag of(Record view) {
        return ETag.builder().weak(true).tag(Tokens.hash(view.toString()).substring(0, 16)).build();
    }
}
