package dev.gatehouse.faults;

/**
 * One write a writer tried: the key it sets (one writer owns each key, so attempts on a key are in
 * order), the value it sets, and what the node answered.
 *
 * @param startNanos when the request was sent ({@link System#nanoTime})
 */
record Attempt(String key, String value, String request, Outcome outcome, int status, String message,
               long revision, long startNanos, long nanos) {

    /** What an answer says about whether the write happened. */
    enum Outcome {
        /** 2xx: written, durably. */
        ACKNOWLEDGED,
        /** 503 (or another refusal) that does not say the outcome is unknown: nothing was written. */
        REFUSED,
        /** No answer (connection broken, node killed), or a 5xx that says the outcome is unknown. */
        UNKNOWN
    }

    static Outcome classify(Api.Res r) {
        if (r.ok()) {
            return Outcome.ACKNOWLEDGED;
        }
        if (r.status() == 0 || (r.status() >= 500 && r.message().toLowerCase(java.util.Locale.ROOT).contains("unknown"))) {
            return Outcome.UNKNOWN;
        }
        return Outcome.REFUSED;
    }

    long endNanos() {
        return startNanos + nanos;
    }

    @Override
    public String toString() {
        return request + " (" + key + " := " + value + ") -> " + outcome + " " + status + " rev " + revision + " in "
                + nanos / 1_000_000 + " ms" + (message.isEmpty() ? "" : " '" + message + "'");
    }
}
