package dev.gatehouse.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A credential an identity provider provisions one organization with over SCIM 2.0. Only a hash of the
 * secret is kept ({@code secretHash}, hex SHA-256): the secret is shown once, when the token is created.
 */
public record ScimToken(String id, String orgId, String label, String secretHash, Instant createdAt) {
    public ScimToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
