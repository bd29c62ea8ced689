package dev.gatehouse.model;

import java.time.Instant;
import java.util.Objects;

/** A user's membership of an organization. A {@code null} role is a guest; a disabled member has no access. */
public record Member(String orgId, String userId, Role role, boolean disabled, Instant joinedAt) {
    public Member {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }

    public boolean isGuest() {
        return role == null;
    }
}
