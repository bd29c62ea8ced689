package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The id map answers like a map through puts, replacements and removals, as it grows and empties, with
 * lookups by equal but not identical strings (as ids arrive from requests) and with ids whose hashes
 * collide (as "Aa" and "BB" do), which a probe must tell apart by the id itself.
 */
class IdMapTest {

    private record Value(String key, int keyHash, int version) implements IdMap.Keyed {
        Value(String key, int version) {
            this(key, key.hashCode(), version);
        }
    }

    @Test
    void answersLikeAMap() {
        Random random = new Random(3);
        for (int round = 0; round < 60; round++) {
            IdMap<Value> map = new IdMap<>();
            Map<String, Value> expected = new HashMap<>();
            int keys = 1 + random.nextInt(round < 30 ? 20 : 4000);
            for (int op = 0; op < keys * 6; op++) {
                String key = id(round, random.nextInt(keys));
                if (random.nextInt(3) == 0) {
                    assertThat(map.remove(new String(key))).isEqualTo(expected.remove(key));
                } else {
                    Value v = new Value(key, op);
                    assertThat(map.put(v)).isEqualTo(expected.put(key, v));
                }
                assertThat(map.size()).isEqualTo(expected.size());
                if (op % 89 == 0) {
                    for (int k = 0; k < keys; k++) {
                        String probe = new String(id(round, k));
                        assertThat(map.get(probe)).isEqualTo(expected.get(probe));
                    }
                }
            }
            assertThat(map.isEmpty()).isEqualTo(expected.isEmpty());
        }
    }

    /** Every third round builds ids out of "Aa" and "BB", so that many share one hash. */
    private static String id(int round, int n) {
        if (round % 3 != 0) {
            return "s" + n;
        }
        StringBuilder b = new StringBuilder();
        for (int bit = 0; bit < 13; bit++) {
            b.append((n >>> bit & 1) == 0 ? "Aa" : "BB");
        }
        return b.toString();
    }
}
