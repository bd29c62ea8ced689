package dev.gatehouse.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The expiry a grant may be given: an instant in the future, at most a year ahead, kept to the microsecond
 * as every time Gatehouse stores. Anything else is a 400 that names the field, the instant and the bound.
 *
 * <p>Why a year: access that outlives a year is better stated as a grant that does not expire, and
 * reviewed; an expiry far ahead is more often a typing mistake (a wrong year) than an intent.
 */
final class GrantExpiry {
    static final String FIELD = "expiresAt";

    private GrantExpiry() {
    }

    /** {@code requested} checked against {@code now}; null (never expires) stays null. */
    static Instant check(Instant requested, Instant now) {
        if (requested == null) {
            return null;
        }
        Instant at = requested.truncatedTo(ChronoUnit.MICROS);
        if (!at.isAfter(now)) {
            throw ApiException.badRequest("'" + FIELD + "' must be in the future: " + at + " is not after now ("
                    + now + "); leave it out for a grant that does not expire");
        }
        Instant latest = latest(now);
        if (at.isAfter(latest)) {
            throw ApiException.badRequest("'" + FIELD + "' may be at most a year ahead, until " + latest + "; "
                    + at + " is later");
        }
        return at;
    }

    /** The latest expiry allowed at {@code now}: the same instant a calendar year later. */
    static Instant latest(Instant now) {
        return now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
    }
}
