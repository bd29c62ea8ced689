package dev.gatehouse.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads instants as {@link Instant#toString()} writes them ({@code 2025-01-01T00:00:00.123Z}) without a
 * {@code DateTimeFormatter}: loading a large database, or importing a large file, parses hundreds of thousands
 * of them, and the formatter was over a quarter of start-up. Any other text goes to {@link Instant#parse}, which
 * decides, so the answer (or the {@link java.time.format.DateTimeParseException}) is always that of
 * {@link Instant#parse}.
 */
public final class Instants {
    private static final long SECONDS_PER_DAY = 86_400;

    private Instants() {
    }

    public static Instant parse(String s) {
        int n = s.length();
        // yyyy-MM-ddTHH:mm:ss then nothing, or '.' and 1 to 9 digits, then Z.
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z'
                || (n > 20 && (s.charAt(19) != '.' || n == 21))) {
            return Instant.parse(s);
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int nanos = 0;
        if (n > 20) {
            int fraction = digits(s, 20, n - 21);
            nanos = fraction < 0 ? -1 : fraction * (int) Math.pow(10, 9 - (n - 21));
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return Instant.parse(s);
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** The number written in {@code count} digits at {@code at}, or -1 if one of them is not a digit. */
    private static int digits(String s, int at, int count) {
        int v = 0;
        for (int i = at; i < at + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
