package dev.gatehouse.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's membership of an organization. A {@code null} role is a guest; a disabled member has no access.
 * {@code sso}: the member signs in through the organization's single sign-on (a flag the platform sets and
 * reads; it changes no permission).
 */
public record Member(String orgId, String userId, Role role, boolean disabled, Instant joinedAt, boolean sso) {
    public Member {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }

    /** A member who does not sign in through single sign-on. */
    public Member(String orgId, String userId, Role role, boolean disabled, Instant joinedAt) {
        this(orgId, userId, role, disabled, joinedAt, false);
    }

    public boolean isGuest() {
        return role == null;
    }

    /** The same member with another role (the rest kept). */
    public Member withRole(Role newRole) {
        return new Member(orgId, userId, newRole, disabled, joinedAt, sso);
    }

    /** The same member with the single sign-on flag set as given. */
    public Member withSso(boolean flag) {
        return new Member(orgId, userId, role, disabled, joinedAt, flag);
    }
}
