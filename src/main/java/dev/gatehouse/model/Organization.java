package dev.gatehouse.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An organization. {@code defaultRole} is given to members who join without a role; {@code null} means guest.
 * {@code emailDomains}: users whose email is in one of these domains may join by themselves (lower-case, no
 * duplicates; empty: nobody may).
 */
public record Organization(String id, String title, Role defaultRole, Instant createdAt, List<String> emailDomains) {
    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(createdAt, "createdAt");
        emailDomains = emailDomains == null ? List.of() : List.copyOf(emailDomains);
    }

    /** An organization nobody may join by email domain. */
    public Organization(String id, String title, Role defaultRole, Instant createdAt) {
        this(id, title, defaultRole, createdAt, List.of());
    }
}
