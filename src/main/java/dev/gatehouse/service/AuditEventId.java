package dev.gatehouse.service;

import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditPosition;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of an audit event: its place in the log (revision and seq) written as a UUID, as GitBook's API
 * types event ids. The place is what the store keeps durably and what every node agrees on, so the id is
 * the same on every node and after every restart, and reading an event needs no other lookup.
 *
 * <p>Layout (RFC 9562 version 8, custom): the 60 low bits of the revision around the version nibble, the
 * variant, 30 zero bits, and the 32 bits of seq. {@code 42.1} is {@code 00000000-0000-802a-8000-000000000001}.
 */
public final class AuditEventId {
    private static final Pattern TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final long MAX_REVISION = (1L << 60) - 1;
    private static final long VERSION = 0x8000L;
    private static final long VARIANT = 0x8000_0000_0000_0000L;

    private AuditEventId() {
    }

    public static String of(AuditEntry e) {
        if (e.revision() < 0 || e.revision() > MAX_REVISION || e.seq() < 0) {
            throw new IllegalStateException("no event id for entry " + e.revision() + "." + e.seq());
        }
        long msb = (e.revision() >>> 12) << 16 | VERSION | (e.revision() & 0xfff);
        long lsb = VARIANT | e.seq();
        return new UUID(msb, lsb).toString();
    }

    /** The entry an id names, or null when the text is not an id this log gives out. */
    public static AuditPosition parse(String text) {
        if (text == null || !TEXT.matcher(text).matches()) {
            return null;
        }
        UUID u = UUID.fromString(text);
        long msb = u.getMostSignificantBits();
        long lsb = u.getLeastSignificantBits();
        // Version 8, variant 10, the 30 reserved bits zero, seq within an int.
        if ((msb & 0xf000L) != VERSION || (lsb & 0xffff_ffff_8000_0000L) != VARIANT) {
            return null;
        }
        long revision = (msb >>> 16) << 12 | (msb & 0xfff);
        return new AuditPosition(revision, (int) lsb);
    }
}
