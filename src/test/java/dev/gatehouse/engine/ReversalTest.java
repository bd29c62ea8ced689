package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.model.Change;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.oracle.GeneratedWorld;
import dev.gatehouse.oracle.Oracle;
import dev.gatehouse.oracle.RandomWorlds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A group of writes is tried out against the index and taken back before anyone reads: taking back must
 * leave the world exactly as it was, or the index would answer with writes the database never committed.
 * On random worlds, random other writes (on overlapping ids, so records are replaced and removed, not only
 * added) are tried out and taken back; the world's records and every permission answer are then those of
 * the world before, as the oracle has them.
 */
class ReversalTest {
    private static final int WORLDS = Integer.getInteger("gatehouse.reversal.worlds", 400);

    @Test
    void tryingWritesOutAndTakingThemBackLeavesTheWorldAsItWas() {
        long base = Long.getLong("gatehouse.seed", 20261201L);
        for (int i = 0; i < WORLDS; i++) {
            long seed = base + i;
            GeneratedWorld g = RandomWorlds.world(seed);
            Index index = new Index();
            index.apply(1, g.changes());
            List<Change> before = index.read(World::contents);

            List<Change> noise = noise(g, RandomWorlds.world(seed * 31 + 7), new Random(seed));
            index.tryOut(trial -> {
                for (Change c : noise) {
                    trial.apply(List.of(c));
                }
                assertThat(new HashSet<>(trial.world().contents())).as("seed %d: the trial sees its writes", seed)
                        .isNotEqualTo(new HashSet<>(before));
                return null;
            });

            assertThat(new HashSet<>(index.read(World::contents))).as("seed %d (replay: -Dgatehouse.seed=%d "
                    + "-Dgatehouse.reversal.worlds=1): records after taking back %s", seed, seed, noise)
                    .isEqualTo(new HashSet<>(before));
            // Before and after each expiry: taking back an expired grant's removal brings its expiry back too.
            for (java.time.Instant at : g.instants()) {
                Oracle oracle = new Oracle(g.changes(), at);
                index.read(w -> w.at(at, () -> {
                    for (String u : g.users()) {
                        for (ResourceRef r : g.resources()) {
                            assertThat(Permissions.effective(w, u, r)).as("seed %d: effective(%s, %s) at %s", seed, u, r, at)
                                    .isEqualTo(oracle.effective(u, r));
                            assertThat(Permissions.explain(w, u, r).permission()).as("seed %d: explain(%s, %s)", seed, u, r)
                                    .isEqualTo(oracle.effective(u, r));
                        }
                    }
                    return null;
                }));
            }
        }
    }

    /**
     * Writes of another world (whose ids overlap this one's), and this world's own changes again in another
     * order: puts that replace, removals of what exists, and removals of what does not.
     */
    private static List<Change> noise(GeneratedWorld g, GeneratedWorld other, Random random) {
        List<Change> mine = new ArrayList<>(g.changes());
        Collections.shuffle(mine, random);
        List<Change> out = new ArrayList<>(other.changes());
        out.addAll(mine.subList(0, mine.size() / 2));
        Collections.shuffle(out, random);
        return out;
    }
}
