package dev.gatehouse.model;

/**
 * A place in the audit log: just after entry {@code seq} of {@code revision}. {@code seq} -1 is "before the
 * revision's first entry", so {@code (r, -1)} pages from revision r on, and {@code (r, Integer.MAX_VALUE)}
 * from the revision after r.
 */
public record AuditPosition(long revision, int seq) {
    public static final AuditPosition START = new AuditPosition(0, Integer.MAX_VALUE);

    /** Just after every entry of {@code revision}. */
    public static AuditPosition afterRevision(long revision) {
        return new AuditPosition(revision, Integer.MAX_VALUE);
    }
}
