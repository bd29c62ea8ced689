package dev.gatehouse.model;

/**
 * What one change did, in the words of the audit log: the organization it belongs to, an action such as
 * {@code grant.updated}, the resource it touched, the subject (user or team) when there is one, and the
 * role or level before and after when the change is about one.
 *
 * <p>Types and roles are wire names ({@code space}, {@code user}, {@code edit}); {@code "none"} is a grant
 * or guest role that gives nothing, and a null {@code before} or {@code after} means "not there" (or not
 * about a role).
 */
public record AuditEvent(String orgId, String action, String resourceType, String resourceId,
                         String subjectType, String subjectId, String before, String after) {
}
