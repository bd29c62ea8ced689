package dev.gatehouse.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A member's request for a role on a collection, space, site or page. There is at most one per (resource,
 * user): asking again while it is pending changes it, asking again after a decision opens it again.
 *
 * @param decidedBy the user (or the system actor) who approved or denied it; null while pending
 * @param reason    why it was denied (optional); null otherwise
 * @param expiresAt when approved, the expiry of the grant the approval gave (null: a grant that does not
 *                  expire); null otherwise
 */
public record AccessRequest(String id, ResourceRef resource, String userId, Role role, String message,
                            Status status, String decidedBy, String reason, Instant createdAt, Instant decidedAt,
                            Instant expiresAt) {

    /** Where a request stands. */
    public enum Status {
        PENDING, APPROVED, DENIED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status parse(String wire) {
            for (Status s : values()) {
                if (s.wire().equals(wire)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("must be one of pending, approved, denied; got '" + wire + "'");
        }
    }

    /** The longest message or reason kept. */
    public static final int MAX_TEXT = 1000;

    public AccessRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
