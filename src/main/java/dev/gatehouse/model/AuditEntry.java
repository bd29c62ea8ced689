package dev.gatehouse.model;

import java.time.Instant;

/**
 * One line of an organization's audit log: an {@link AuditEvent} with the revision that committed it, its
 * place within that revision ({@code seq}, from 0), the commit time and the actor (a user id, or
 * {@code "system"}).
 */
public record AuditEntry(long revision, int seq, Instant at, String actor, AuditEvent event) {
}
