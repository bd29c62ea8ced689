package dev.gatehouse.http;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()}'s exact text, written without a {@code DateTimeFormatter}: lists print two
 * timestamps per item, and the formatter was a large part of what a page of 1000 spaces cost.
 */
final class IsoTime {
    private static final long SECONDS_PER_DAY = 86_400;
    /** Years 1000 to 9999, the ones written with exactly four digits and no sign. */
    private static final long FIRST = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private IsoTime() {
    }

    static String format(Instant t) {
        if (t.getEpochSecond() < FIRST || t.getEpochSecond() > LAST) {
            return t.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(t.getEpochSecond(), SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(t.getEpochSecond(), SECONDS_PER_DAY);
        char[] c = new char[30];
        int n = 0;
        n = digits(c, n, date.getYear(), 4);
        c[n++] = '-';
        n = digits(c, n, date.getMonthValue(), 2);
        c[n++] = '-';
        n = digits(c, n, date.getDayOfMonth(), 2);
        c[n++] = 'T';
        n = digits(c, n, secondOfDay / 3600, 2);
        c[n++] = ':';
        n = digits(c, n, secondOfDay / 60 % 60, 2);
        c[n++] = ':';
        n = digits(c, n, secondOfDay % 60, 2);
        int nanos = t.getNano();
        // Like ISO_INSTANT: no fraction for whole seconds, else 3, 6 or 9 digits, as few as are exact.
        if (nanos > 0) {
            c[n++] = '.';
            if (nanos % 1_000_000 == 0) {
                n = digits(c, n, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                n = digits(c, n, nanos / 1000, 6);
            } else {
                n = digits(c, n, nanos, 9);
            }
        }
        c[n++] = 'Z';
        return new String(c, 0, n);
    }

    private static int digits(char[] c, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            c[at + i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
