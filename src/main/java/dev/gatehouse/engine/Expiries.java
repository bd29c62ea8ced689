package dev.gatehouse.engine;

import dev.gatehouse.model.Grant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Every grant of the world that expires, earliest first: what tells a read whether any grant may have
 * expired without being removed yet (only then does it pay for looking), and what the sweep removes.
 */
final class Expiries {
    private static final Comparator<Grant> ORDER = Comparator.comparingLong((Grant grant) -> Expiry.ceiling(grant.expiresAt()))
            .thenComparing(grant -> grant.resource().type())
            .thenComparing(grant -> grant.resource().id())
            .thenComparing(grant -> grant.subject().type())
            .thenComparing(grant -> grant.subject().id());

    private final TreeSet<Grant> pending = new TreeSet<>(ORDER);
    /** The first expiry (microseconds), {@link Expiry#NEVER} when nothing expires: read on every list of grants. */
    private long soonest = Expiry.NEVER;

    /** One grant replaced another (either may be null, or never expire). */
    void replace(Grant old, Grant now) {
        if (old != null && old.expiresAt() != null) {
            pending.remove(old);
        }
        if (now != null && now.expiresAt() != null) {
            pending.add(now);
        }
        soonest = pending.isEmpty() ? Expiry.NEVER : Expiry.ceiling(pending.first().expiresAt());
    }

    long soonest() {
        return soonest;
    }

    int size() {
        return pending.size();
    }

    /** The grants that have expired at {@code now}, earliest first, at most {@code limit}. */
    List<Grant> due(long now, int limit) {
        List<Grant> out = new ArrayList<>();
        for (Grant grant : pending) {
            if (out.size() == limit || !Expiry.passed(Expiry.ceiling(grant.expiresAt()), now)) {
                break;
            }
            out.add(grant);
        }
        return out;
    }
}
