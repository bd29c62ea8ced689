package dev.gatehouse.model;

import java.time.Instant;
import java.util.Objects;

/** A folder of spaces and collections. {@code parentId} is {@code null} at the top of the organization. */
public record Collection(String id, String orgId, String parentId, String title, String description,
                         DefaultLevel defaultLevel, Instant createdAt) {
    public Collection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(defaultLevel, "defaultLevel");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
