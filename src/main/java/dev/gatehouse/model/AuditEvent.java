package dev.gatehouse.model;

import java.time.Instant;

/**
 * What one change did, in the words of the audit log: the organization it belongs to, an action such as
 * {@code grant.updated}, the resource it touched, the subject (user or team) when there is one, and the
 * role or level before and after when the change is about one.
 *
 * <p>Types and roles are wire names ({@code space}, {@code user}, {@code edit}); {@code "none"} is a grant
 * or guest role that gives nothing, and a null {@code before} or {@code after} means "not there" (or not
 * about a role).
 *
 * @param expiresAt for an event about a grant, the instant it stops counting: the grant's expiry after the
 *                  change, or for a removal (or the expiry itself) the one it had; for an approved access
 *                  request, the expiry of the grant it gave. Null for a grant that does not expire, and for
 *                  events about anything else.
 */
public record AuditEvent(String orgId, String action, String resourceType, String resourceId,
                         String subjectType, String subjectId, String before, String after, Instant expiresAt) {

    /** An event without an expiry. */
    public AuditEvent(String orgId, String action, String resourceType, String resourceId, String subjectType,
                      String subjectId, String before, String after) {
        this(orgId, action, resourceType, resourceId, subjectType, subjectId, before, after, null);
    }
}
