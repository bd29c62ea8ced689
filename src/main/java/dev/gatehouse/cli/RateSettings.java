package dev.gatehouse.cli;

import dev.gatehouse.http.RateLimits;
import java.util.Map;

/**
 * The per-caller rate limits ({@link RateLimits}), from flags first, then the environment, then defaults.
 * Flags are strings so that a bad value is reported naming both the flag and its environment variable.
 */
final class RateSettings {
    private static final int MAX = 100_000_000;

    /** Flags as typed, null when absent. */
    record Flags(String reads, String readBurst, String writes, String writeBurst, String limitSystem) {
        static final Flags NONE = new Flags(null, null, null, null, null);
    }

    private RateSettings() {
    }

    static RateLimits resolve(Flags f, Map<String, String> env) {
        return new RateLimits(
                count("--rate-reads", "GATEHOUSE_RATE_READS", pick(f.reads(), env, "GATEHOUSE_RATE_READS"),
                        RateLimits.DEFAULT_READS_PER_MINUTE),
                count("--rate-read-burst", "GATEHOUSE_RATE_READ_BURST", pick(f.readBurst(), env,
                        "GATEHOUSE_RATE_READ_BURST"), RateLimits.DEFAULT_READ_BURST),
                count("--rate-writes", "GATEHOUSE_RATE_WRITES", pick(f.writes(), env, "GATEHOUSE_RATE_WRITES"),
                        RateLimits.DEFAULT_WRITES_PER_MINUTE),
                count("--rate-write-burst", "GATEHOUSE_RATE_WRITE_BURST", pick(f.writeBurst(), env,
                        "GATEHOUSE_RATE_WRITE_BURST"), RateLimits.DEFAULT_WRITE_BURST),
                bool("--rate-limit-system", "GATEHOUSE_RATE_LIMIT_SYSTEM", pick(f.limitSystem(), env,
                        "GATEHOUSE_RATE_LIMIT_SYSTEM")),
                RateLimits.DEFAULT_MAX_CALLERS);
    }

    private static String pick(String flag, Map<String, String> env, String name) {
        String v = flag != null ? flag : env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static int count(String flag, String env, String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " / " + env + " must be a whole number from 1 to " + MAX + "; got '"
                + text + "'");
    }

    private static boolean bool(String flag, String env, String text) {
        if (text == null) {
            return false;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException(flag + " / " + env + " must be true or false; got '" + text + "'");
    }
}
