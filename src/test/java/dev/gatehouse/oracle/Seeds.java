package dev.gatehouse.oracle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Seeded random cases for the plain JUnit properties: {@link #TRIES} cases from a fixed first seed, each
 * failure naming its seed, the case it drew and the command that replays exactly that case
 * ({@code -Dgatehouse.seed=N}); and a coverage count that fails a run whose generator stopped producing
 * the situations the properties are about.
 */
public final class Seeds {
    /** How many cases each property checks: {@code -Dgatehouse.tries=N}, 1000 by default. */
    public static final int TRIES = Integer.getInteger("gatehouse.tries", 1000);

    private final String test;
    private final long first;
    private final Long replay = Long.getLong("gatehouse.seed");
    private final Map<String, Integer> seen = new LinkedHashMap<>();
    private int cases;

    /** Cases for {@code test} (a {@code -Dtest=} pattern, printed in the replay command) from seed {@code first}. */
    public Seeds(String test, long first) {
        this.test = test;
        this.first = first;
    }

    /** A check of one case: an assertion failing means the property is false for that case. */
    public interface Check<T> {
        void check(long seed, T drawn) throws Exception;
    }

    /**
     * Draws the case of each seed with {@code draw} and checks it; with {@code -Dgatehouse.seed=N}, only
     * the case of seed N. A failure is rethrown with the seed, the case and the replay command.
     */
    public <T> void forEach(LongFunction<T> draw, Check<T> check) {
        int n = replay != null ? 1 : TRIES;
        for (int i = 0; i < n; i++) {
            long seed = replay != null ? replay : first + i;
            T drawn = draw.apply(seed);
            try {
                check.check(seed, drawn);
            } catch (Throwable t) {
                throw new AssertionError("seed " + seed + " fails (replay it alone: mvn -o test -Dtest='" + test
                        + "' -Dgatehouse.seed=" + seed + ")\n" + t.getMessage() + "\non " + drawn, t);
            }
            cases++;
        }
    }

    /** Counts a situation a case exercised (or did not), for {@link #assertCoverage}. */
    public void saw(String label, boolean exercised) {
        seen.merge(label, exercised ? 1 : 0, Integer::sum);
    }

    /**
     * Fails when a situation occurred in fewer than {@code percent}% of the cases (but at least once);
     * skipped when one seed is replayed, where a single case proves nothing about the generator.
     */
    public void assertCoverage(String label, double percent) {
        if (replay != null) {
            return;
        }
        int count = seen.getOrDefault(label, 0);
        double needed = Math.max(1, Math.ceil(cases * percent / 100));
        if (count < needed) {
            throw new AssertionError("coverage: '" + label + "' occurred in " + count + " of " + cases
                    + " cases, fewer than " + percent + "% (" + (long) needed + "): the generator stopped producing it");
        }
    }

    /** Cases checked so far. */
    public int cases() {
        return cases;
    }
}
