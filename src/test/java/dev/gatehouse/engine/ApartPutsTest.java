package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.model.AuditEvent;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.oracle.GeneratedWorld;
import dev.gatehouse.oracle.RandomWorlds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Puts of distinct records of one kind, described all against the world before them, give exactly the
 * events that describing them one after the other, each applied before the next, gives: on random worlds,
 * with puts of another random world whose ids overlap (so records are replaced, not only added), and this
 * world's own records again (so some puts change nothing).
 */
class ApartPutsTest {
    private static final int WORLDS = Integer.getInteger("gatehouse.apart.worlds", 300);

    @Test
    void putsOfOneKindAreDescribedApartAsTheyAreOneByOne() {
        long base = Long.getLong("gatehouse.seed", 20261202L);
        Map<Class<?>, Integer> compared = new LinkedHashMap<>();
        for (int i = 0; i < WORLDS; i++) {
            long seed = base + i;
            GeneratedWorld g = RandomWorlds.world(seed);
            Index index = new Index();
            index.apply(1, g.changes());
            Random random = new Random(seed);
            List<Change> candidates = new ArrayList<>(RandomWorlds.world(seed * 31 + 7).changes());
            candidates.addAll(g.changes());
            Collections.shuffle(candidates, random);

            for (List<Change> puts : byKind(index, candidates).values()) {
                List<AuditEvent> oneByOne = index.tryOut(trial -> {
                    List<AuditEvent> events = new ArrayList<>();
                    for (Change c : puts) {
                        events.addAll(AuditTrail.describe(trial.world(), c));
                        trial.apply(List.of(c));
                    }
                    return events;
                });
                List<AuditEvent> apart = index.read(w -> ApartPuts.describe(w, puts));
                assertThat(apart).as("seed %d (replay: -Dgatehouse.seed=%d -Dgatehouse.apart.worlds=1): %s", seed, seed,
                        puts).isEqualTo(oneByOne);
                compared.merge(puts.get(0).getClass(), 1, Integer::sum);
            }
        }
        // The kinds whose descriptions read records of other kinds are among those compared.
        assertThat(compared).containsKeys(Change.GrantPut.class, Change.TeamMemberPut.class, Change.PagePut.class,
                Change.MemberPut.class, Change.SpacePut.class, Change.TeamPut.class);
    }

    @Test
    void changesOfTwoKindsOrTheSameRecordTwiceOrRemovalsAreNotApart() {
        Grant a = new Grant(ResourceRef.space("s1"), SubjectRef.user("u1"), Role.READ, null);
        Grant again = new Grant(ResourceRef.space("s1"), SubjectRef.user("u1"), Role.EDIT, null);
        Grant b = new Grant(ResourceRef.space("s1"), SubjectRef.team("t1"), Role.READ, null);
        World w = new World();
        assertThat(ApartPuts.describe(w, List.of(new Change.GrantPut(a), new Change.GrantPut(b)))).isNotNull();
        assertThat(ApartPuts.describe(w, List.of(new Change.GrantPut(a), new Change.GrantPut(again)))).isNull();
        assertThat(ApartPuts.describe(w, List.of(new Change.GrantPut(a),
                new Change.GrantRemoved(b.resource(), b.subject())))).isNull();
        assertThat(ApartPuts.describe(w, List.of(new Change.GrantPut(a),
                new Change.TeamMemberPut(new dev.gatehouse.model.TeamMembership("t1", "u1",
                        dev.gatehouse.model.TeamRole.MEMBER))))).isNull();
    }

    /**
     * The candidates' puts by kind, each kind's list holding each record once (the first put of it): a list
     * grows by a put only while it stays apart, which a second put of the same record would not.
     */
    private static Map<Class<?>, List<Change>> byKind(Index index, List<Change> candidates) {
        Map<Class<?>, List<Change>> out = new LinkedHashMap<>();
        index.read(w -> {
            for (Change c : candidates) {
                List<Change> puts = out.computeIfAbsent(c.getClass(), k -> new ArrayList<>());
                puts.add(c);
                if (ApartPuts.describe(w, puts) == null) {
                    puts.remove(puts.size() - 1);
                }
            }
            return null;
        });
        out.values().removeIf(List::isEmpty);
        return out;
    }
}
