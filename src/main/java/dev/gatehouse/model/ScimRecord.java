package dev.gatehouse.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What SCIM keeps of a member ({@link Kind#USER}, {@code id} a user id) or a team ({@link Kind#GROUP},
 * {@code id} a team id) beyond what Gatehouse models itself: the identity provider's {@code externalId},
 * a user's {@code displayName} as this organization's provider names them (a user is one person across
 * organizations, so one provider does not rename them for the others), a user's {@code name} (the SCIM
 * complex attribute, as JSON text the index never reads), and when SCIM last changed the resource.
 */
public record ScimRecord(String orgId, Kind kind, String id, String externalId, String displayName, String name,
                         Instant lastModified) {
    public enum Kind { USER, GROUP }

    public ScimRecord {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lastModified, "lastModified");
    }
}
