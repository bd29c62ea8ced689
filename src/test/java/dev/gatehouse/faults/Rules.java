package dev.gatehouse.faults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The four rules, checked on what a round recorded. Each violation names its rule and the evidence.
 *
 * <p>R2 and R3 read each slot's value and ask whether the attempts on that slot explain it: the slot must
 * hold the value of its last acknowledged attempt, or of a later attempt whose outcome is unknown. When
 * the database does not, its changelog says which rule broke: R2 if the acknowledged write is not there at
 * the revision it answered, R3 if it is and a write answered as refused came after it. Values are chosen
 * to differ from the attempt before, so that a landed refused write shows.
 */
final class Rules {
    static final long READ_P99_LIMIT_MS = 1000;
    static final long WRITE_LIMIT_MS = 5000;
    static final long HEAL_LIMIT_MS = 10_000;

    record Violation(String rule, String message) {
        @Override
        public String toString() {
            return rule + ": " + message;
        }
    }

    private final List<Violation> found = new ArrayList<>();

    List<Violation> violations() {
        return found;
    }

    Set<String> rules() {
        return found.stream().map(Violation::rule).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private void add(String rule, String message) {
        found.add(new Violation(rule, message));
    }

    /** R1: the node's index equals a fresh load of the database, at the same revision. */
    void indexMatchesDatabase(WorldDump live, WorldDump truth) {
        String diff = live.diff(truth);
        if (!diff.isEmpty()) {
            add("R1", diff);
        }
    }

    /** For each slot, its attempts in the order they were sent (one writer each), and the last acknowledged. */
    static Map<String, List<Attempt>> byKey(List<Attempt> attempts) {
        return attempts.stream().sorted(Comparator.comparingLong(Attempt::startNanos))
                .collect(Collectors.groupingBy(Attempt::key, java.util.LinkedHashMap::new, Collectors.toList()));
    }

    static Attempt lastAcknowledged(List<Attempt> seq) {
        Attempt last = null;
        for (Attempt a : seq) {
            if (a.outcome() == Attempt.Outcome.ACKNOWLEDGED) {
                last = a;
            }
        }
        return last;
    }

    /**
     * R2 and R3 in the database. {@code atAck} holds each slot's value right after the revision its last
     * acknowledged write answered (see {@link History}): when the slot misses its value now, that says
     * whether the acknowledged write was lost or overwritten by a write answered as refused.
     */
    void databaseExplains(List<Attempt> attempts, Map<String, String> initials, Map<String, String> values,
                          Map<String, String> atAck, long revision) {
        for (Map.Entry<String, List<Attempt>> e : byKey(attempts).entrySet()) {
            String key = e.getKey();
            Attempt ack = lastAcknowledged(e.getValue());
            String actual = values.get(key);
            if (allowed(e.getValue(), ack, initials.get(key)).contains(actual)) {
                continue;
            }
            Attempt hidden = refusedSetting(e.getValue(), ack, actual);
            if (ack != null && (ack.revision() > revision || !ack.value().equals(atAck.get(key)))) {
                add("R2", "the database holds " + key + " = " + actual + (ack.revision() > revision
                        ? ", and never reached revision " + ack.revision()
                        : ", and held " + atAck.get(key) + " at revision " + ack.revision())
                        + ", answered by the last acknowledged write " + ack);
            } else {
                add("R3", "the database holds " + key + " = " + actual + ", written after the last acknowledged write"
                        + " by one answered as refused" + (hidden == null ? ": " + e.getValue() : ": " + hidden));
            }
        }
        for (Attempt a : attempts) {
            if (a.outcome() == Attempt.Outcome.ACKNOWLEDGED && a.revision() > revision) {
                add("R2", "acknowledged at revision " + a.revision() + " but the database is at revision " + revision
                        + ": " + a);
                break;
            }
        }
    }

    /**
     * R3 on the node: its index serves a value the database does not hold, which a write answered as refused
     * set after the last acknowledged one (the index cannot have it from anywhere else: it only moves forward,
     * or is reloaded from the database). R1 reports every other difference.
     */
    void nodeExplains(List<Attempt> attempts, Map<String, String> initials, Map<String, String> values,
                      Map<String, String> database) {
        for (Map.Entry<String, List<Attempt>> e : byKey(attempts).entrySet()) {
            String key = e.getKey();
            Attempt ack = lastAcknowledged(e.getValue());
            String actual = values.get(key);
            if (actual.equals(database.get(key)) || allowed(e.getValue(), ack, initials.get(key)).contains(actual)) {
                continue;
            }
            Attempt hidden = refusedSetting(e.getValue(), ack, actual);
            if (hidden != null) {
                add("R3", "the node serves " + key + " = " + actual + ", which the database does not hold ("
                        + database.get(key) + "), set by " + hidden);
            }
        }
    }

    /** The values a slot may hold: its last acknowledged one (or its first), or a later one of unknown outcome. */
    private static Set<String> allowed(List<Attempt> seq, Attempt ack, String initial) {
        Set<String> allowed = new LinkedHashSet<>();
        allowed.add(ack != null ? ack.value() : initial);
        for (int i = ack == null ? 0 : seq.indexOf(ack) + 1; i < seq.size(); i++) {
            if (seq.get(i).outcome() == Attempt.Outcome.UNKNOWN) {
                allowed.add(seq.get(i).value());
            }
        }
        return allowed;
    }

    /** The last attempt after {@code ack} that was refused and set {@code value}, or null. */
    private static Attempt refusedSetting(List<Attempt> seq, Attempt ack, String value) {
        Attempt hidden = null;
        for (int i = ack == null ? 0 : seq.indexOf(ack) + 1; i < seq.size(); i++) {
            if (seq.get(i).outcome() == Attempt.Outcome.REFUSED && seq.get(i).value().equals(value)) {
                hidden = seq.get(i);
            }
        }
        return hidden;
    }

    /** R4, while the fault lasted: every read answered 200 with p99 under the limit, every write in bound. */
    void answeredDuringFault(ReadProbe.Stats reads, List<Attempt> attempts, long fromNanos, long toNanos) {
        if (reads.failed() > 0) {
            add("R4", "reads did not answer during the fault: " + reads);
        }
        if (reads.p99Millis() >= READ_P99_LIMIT_MS) {
            add("R4", "reads waited during the fault: " + reads);
        }
        attempts.stream().filter(a -> a.startNanos() <= toNanos && a.endNanos() >= fromNanos)
                .filter(a -> a.nanos() / 1_000_000 >= WRITE_LIMIT_MS)
                .max(Comparator.comparingLong(Attempt::nanos))
                .ifPresent(a -> add("R4", "a write took " + a.nanos() / 1_000_000 + " ms during the fault: " + a));
    }

    /** R4, afterwards: a write succeeded within the limit once the database was back. */
    void healed(Attempt lastProbe, long healMillis) {
        if (lastProbe == null || lastProbe.outcome() != Attempt.Outcome.ACKNOWLEDGED) {
            add("R4", "no write succeeded within " + healMillis + " ms after the database returned; the last: " + lastProbe);
        }
    }
}
