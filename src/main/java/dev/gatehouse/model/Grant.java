package dev.gatehouse.model;

import java.util.Objects;

/**
 * A statement "subject has role on resource". A {@code null} role is a grant of no access: it stops
 * inheritance for that subject at that level. There is at most one grant per (resource, subject).
 */
public record Grant(ResourceRef resource, SubjectRef subject, Role role) {
    public Grant {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(subject, "subject");
    }
}
