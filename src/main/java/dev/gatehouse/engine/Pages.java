package dev.gatehouse.engine;

/** What every paged engine list shares. */
final class Pages {
    private Pages() {
    }

    /** A page of no items could never advance a cursor: callers validate the limit, this catches a bug. */
    static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }
}
