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
 * <p>R2 and R3 read each slot's value in a state (the database, or the node's index) and ask whether the
 * attempts on that slot explain it: the slot must hold the value of its last acknowledged attempt, or of a
 * later attempt whose outcome is unknown. When it does not, the violation is R3 if only a later refused
 * attempt ever set that value (titles and created teams and spaces are unique, so those always tell),
 * and R2 otherwise: the acknowledged value is gone. Values are chosen to differ from the attempt before.
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

    /**
     * R2 and R3 against the values a state holds. {@code where} names the state; {@code acks} says whether
     * lost acknowledged writes count there (they do in the database; on the node, R1 speaks for them).
     */
    void attemptsExplain(String where, List<Attempt> attempts, Map<String, String> initials, Map<String, String> values,
                         long revision, boolean acks) {
        Map<String, List<Attempt>> byKey = attempts.stream().sorted(Comparator.comparingLong(Attempt::startNanos))
                .collect(Collectors.groupingBy(Attempt::key, java.util.LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Attempt>> e : byKey.entrySet()) {
            List<Attempt> seq = e.getValue();
            int lastAck = -1;
            for (int i = 0; i < seq.size(); i++) {
                if (seq.get(i).outcome() == Attempt.Outcome.ACKNOWLEDGED) {
                    lastAck = i;
                }
            }
            Set<String> allowed = new LinkedHashSet<>();
            allowed.add(lastAck >= 0 ? seq.get(lastAck).value() : initials.get(e.getKey()));
            Attempt hidden = null;
            for (int i = lastAck + 1; i < seq.size(); i++) {
                Attempt a = seq.get(i);
                if (a.outcome() == Attempt.Outcome.UNKNOWN) {
                    allowed.add(a.value());
                }
            }
            String actual = values.get(e.getKey());
            if (allowed.contains(actual)) {
                continue;
            }
            for (int i = lastAck + 1; i < seq.size(); i++) {
                if (seq.get(i).outcome() == Attempt.Outcome.REFUSED && seq.get(i).value().equals(actual)) {
                    hidden = seq.get(i);
                }
            }
            // Only the refused attempt can have put the value there if nothing before it set that value.
            boolean earlier = initials.get(e.getKey()).equals(actual);
            for (int i = 0; i <= lastAck; i++) {
                earlier |= seq.get(i).outcome() != Attempt.Outcome.REFUSED && seq.get(i).value().equals(actual);
            }
            if (hidden != null && !earlier) {
                add("R3", where + " holds " + e.getKey() + " = " + actual + ", set by " + hidden);
            } else if (acks && lastAck >= 0) {
                add("R2", where + " holds " + e.getKey() + " = " + actual + ", but the last acknowledged write was "
                        + seq.get(lastAck) + (hidden == null ? "" : "; or this refused one landed: " + hidden));
            } else if (acks) {
                add("R3", where + " holds " + e.getKey() + " = " + actual + ", which no attempt explains: " + seq);
            }
        }
        if (acks) {
            for (Attempt a : attempts) {
                if (a.outcome() == Attempt.Outcome.ACKNOWLEDGED && a.revision() > revision) {
                    add("R2", "acknowledged at revision " + a.revision() + " but " + where + " is at revision " + revision
                            + ": " + a);
                    break;
                }
            }
        }
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
