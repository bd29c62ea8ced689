package dev.gatehouse.http;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * {@code X-Request-Id}: the one a client or proxy sent when it is safe to log and echo as it is, else a new
 * one. Only [A-Za-z0-9._:-] is kept, so a client cannot break a log line or smuggle a header through it.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    /** The request attribute the id travels in, for whoever answers the request. */
    static final String ATTRIBUTE = "gatehouse.request-id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    static String accept(String given) {
        return given != null && VALID.matcher(given).matches() ? given : generate();
    }

    /** 64 random bits in hex: unique enough to find one request's lines, and cheap. */
    static String generate() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
