package dev.gatehouse.cli;

import dev.gatehouse.http.HttpLimits;
import dev.gatehouse.http.MetricsAccess;
import java.time.Duration;
import java.util.Map;

/**
 * The bounds on clients and the drain time of a stop ({@link HttpLimits}), from flags first, then the
 * environment, then defaults. Each flag is a string so that a bad value is reported naming both the flag
 * and its environment variable.
 */
final class HttpSettings {
    /** Flags as typed, null when absent. */
    record Flags(String maxRequests, String maxUploads, String bodyTimeout, String headerTimeout, String idleTimeout,
                 String drainSeconds) {
        static final Flags NONE = new Flags(null, null, null, null, null, null);
    }

    private HttpSettings() {
    }

    static HttpLimits resolve(Flags f, Map<String, String> env) {
        return new HttpLimits(
                count("--max-requests", "GATEHOUSE_MAX_REQUESTS", pick(f.maxRequests(), env, "GATEHOUSE_MAX_REQUESTS"),
                        HttpLimits.DEFAULT_MAX_REQUESTS, 10_000),
                count("--max-uploads", "GATEHOUSE_MAX_UPLOADS", pick(f.maxUploads(), env, "GATEHOUSE_MAX_UPLOADS"),
                        HttpLimits.DEFAULT_MAX_UPLOADS, 10_000),
                seconds("--body-timeout", "GATEHOUSE_BODY_TIMEOUT", pick(f.bodyTimeout(), env, "GATEHOUSE_BODY_TIMEOUT"),
                        HttpLimits.DEFAULT_BODY_TIMEOUT, false),
                seconds("--header-timeout", "GATEHOUSE_HEADER_TIMEOUT", pick(f.headerTimeout(), env,
                        "GATEHOUSE_HEADER_TIMEOUT"), HttpLimits.DEFAULT_HEADER_TIMEOUT, false),
                seconds("--idle-timeout", "GATEHOUSE_IDLE_TIMEOUT", pick(f.idleTimeout(), env, "GATEHOUSE_IDLE_TIMEOUT"),
                        HttpLimits.DEFAULT_IDLE_TIMEOUT, false),
                seconds("--drain-seconds", "GATEHOUSE_DRAIN_SECONDS", pick(f.drainSeconds(), env,
                        "GATEHOUSE_DRAIN_SECONDS"), HttpLimits.DEFAULT_DRAIN, true));
    }

    /** Who may read GET /metrics ({@code --metrics}, {@code GATEHOUSE_METRICS}): loopback clients by default. */
    static MetricsAccess metricsAccess(String flag, Map<String, String> env) {
        String text = pick(flag, env, "GATEHOUSE_METRICS");
        try {
            return text == null ? MetricsAccess.LOOPBACK : MetricsAccess.parse(text.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--metrics / GATEHOUSE_METRICS " + e.getMessage(), e);
        }
    }

    /**
     * The web origins whose pages may call the API from a browser ({@code --cors-origins},
     * {@code GATEHOUSE_CORS_ORIGINS}, comma-separated): none by default.
     */
    static java.util.List<String> corsOrigins(String flag, Map<String, String> env) {
        try {
            return dev.gatehouse.http.HttpOptions.corsOrigins(pick(flag, env, "GATEHOUSE_CORS_ORIGINS"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--cors-origins / GATEHOUSE_CORS_ORIGINS " + e.getMessage(), e);
        }
    }

    private static String pick(String flag, Map<String, String> env, String name) {
        String v = flag != null ? flag : env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static int count(String flag, String env, String text, int fallback, int max) {
        if (text == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " / " + env + " must be a whole number from 1 to " + max + "; got '"
                + text + "'");
    }

    private static Duration seconds(String flag, String env, String text, Duration fallback, boolean zeroAllowed) {
        if (text == null) {
            return fallback;
        }
        try {
            double s = Double.parseDouble(text);
            if ((zeroAllowed ? s >= 0 : s > 0) && s <= 86_400) {
                return Duration.ofMillis(Math.round(s * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " / " + env + " must be a number of seconds (" + (zeroAllowed ? "0" : "above 0")
                + " to 86400); got '" + text + "'");
    }
}
