package dev.gatehouse.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A personal API token. Only a hash of the secret is kept ({@code secretHash}, hex SHA-256): the
 * secret itself is shown once, when the token is created.
 */
public record ApiToken(String id, String userId, String label, String secretHash, Instant createdAt) {
    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
