package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.model.Role;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The grant table answers like a map through puts, replacements and removals, as it grows and empties. */
class RoleTableTest {

    @Test
    void answersLikeAMap() {
        Random random = new Random(1);
        for (int round = 0; round < 50; round++) {
            RoleTable table = new RoleTable();
            Map<Integer, Integer> expected = new HashMap<>();
            int keys = 1 + random.nextInt(round < 25 ? 16 : 5000);
            for (int op = 0; op < keys * 6; op++) {
                int key = random.nextInt(keys) * (round % 3 == 0 ? 1 : 4099);
                if (random.nextInt(3) == 0) {
                    table.remove(key);
                    expected.remove(key);
                } else {
                    Role role = random.nextInt(7) == 0 ? null : Role.values()[random.nextInt(Role.values().length)];
                    table.put(key, role);
                    expected.put(key, role == null ? RoleTable.NONE : role.ordinal());
                }
                if (op % 97 == 0) {
                    for (int k = 0; k < keys; k++) {
                        int probe = k * (round % 3 == 0 ? 1 : 4099);
                        assertThat(table.get(probe)).isEqualTo(expected.getOrDefault(probe, RoleTable.ABSENT));
                    }
                }
            }
            assertThat(table.isEmpty()).isEqualTo(expected.isEmpty());
        }
    }
}
