package dev.gatehouse.model;

import java.time.Instant;
import java.util.Objects;

/** An organization. {@code defaultRole} is given to members who join without a role; {@code null} means guest. */
public record Organization(String id, String title, Role defaultRole, Instant createdAt) {
    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
