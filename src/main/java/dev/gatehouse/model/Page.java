package dev.gatehouse.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A page of a space, with permissions of its own (a Gatehouse extension). {@code parentId} is another
 * page of the same space, or {@code null} at the top of the space. Siblings are ordered by position.
 */
public record Page(String id, String spaceId, String parentId, String title, DefaultLevel defaultLevel,
                   long position, Instant createdAt) {
    public Page {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spaceId, "spaceId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(defaultLevel, "defaultLevel");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
