package dev.gatehouse.model;

import java.time.Instant;
import java.util.Objects;

/** A flat group of members of one organization. */
public record Team(String id, String orgId, String title, Instant createdAt) {
    public Team {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
