package dev.gatehouse.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A statement "subject has role on resource". A {@code null} role is a grant of no access: it stops
 * inheritance for that subject at that level. There is at most one grant per (resource, subject).
 *
 * <p>{@code expiresAt}, when given, is the instant the grant stops counting: from then on every answer is
 * as if it were not there, whether or not it has been removed yet (see {@link Change.GrantExpired}).
 * {@code null} means it never expires.
 */
public record Grant(ResourceRef resource, SubjectRef subject, Role role, Instant expiresAt) {
    public Grant {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(subject, "subject");
    }

    /** A grant that never expires. */
    public Grant(ResourceRef resource, SubjectRef subject, Role role) {
        this(resource, subject, role, null);
    }
}
