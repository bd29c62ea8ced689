package dev.gatehouse.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A person. {@code email} is stored normalized (trimmed, lower case) and is unique; it may be absent
 * for users created without one. An {@code invited} user was named by email before having an account:
 * creating the account later completes this same user, keeping its id and grants.
 */
public record User(String id, String displayName, String email, String photoUrl, boolean invited, Instant createdAt) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
