package dev.gatehouse.model;

import java.time.Instant;

/**
 * Which audit entries to read: those committed from {@code from} to {@code to} (both included), of one
 * action, by one actor ({@code "system"} for the system token), about one resource. A null field does not
 * filter.
 */
public record AuditQuery(Instant from, Instant to, String action, String actor, String resourceId) {
    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);
}
