package dev.gatehouse.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A space: the unit of content. {@code parentId} is a collection or {@code null}. A non-null
 * {@code deletedAt} marks it soft-deleted (in the trash, restorable).
 */
public record Space(String id, String orgId, String parentId, String title, String emoji, Visibility visibility,
                    DefaultLevel defaultLevel, Instant createdAt, Instant updatedAt, Instant deletedAt) {
    public Space {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(defaultLevel, "defaultLevel");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
