package dev.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.Index;
import dev.gatehouse.engine.Permissions;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Space;
import dev.gatehouse.datasets.Datasets;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-written SQL baseline answers what the engine answers, or timing it against Gatehouse would mean nothing. */
class NaiveSqlTest {
    @TempDir
    Path dir;

    @Test
    void theRecursiveQueriesAgreeWithTheEngineOnGeneratedData() throws Exception {
        Path file = dir.resolve("naive.db");
        Index index = new Index();
        try (SqliteStore store = SqliteStore.open(file)) {
            Datasets.large(store, 11, Datasets.Large.scaled(0.004));
            store.changesAfter(0, Integer.MAX_VALUE).forEach(e -> index.apply(e.revision(), e.changes()));
        }
        World world = index.read(w -> w);
        assertThat(world.spaces("large")).hasSizeGreaterThan(50);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            List<Space> spaces = List.copyOf(world.spaces("large"));
            int checked = 0;
            for (int i = 0; i < spaces.size(); i += Math.max(1, spaces.size() / 40)) {
                Space s = spaces.get(i);
                Map<String, Integer> expected = new HashMap<>();
                for (Member m : world.members("large").values()) {
                    Role p = Permissions.effective(world, m.userId(), ResourceRef.space(s.id()));
                    if (p != null) {
                        expected.put(m.userId(), p.ordinal() + 1);
                    }
                }
                assertThat(NaiveSql.aggregate(c, s.id())).as("aggregate of %s", s.id()).isEqualTo(expected);
                checked++;
            }
            List<Member> members = List.copyOf(world.members("large").values());
            for (int i = 0; i < members.size(); i += Math.max(1, members.size() / 40)) {
                Member m = members.get(i);
                Map<String, Integer> expected = new HashMap<>();
                for (Space s : spaces) {
                    Role p = Permissions.effective(world, m.userId(), ResourceRef.space(s.id()));
                    if (p != null) {
                        expected.put(s.id(), p.ordinal() + 1);
                    }
                }
                assertThat(NaiveSql.memberSpaces(c, "large", m.userId())).as("spaces of %s", m.userId())
                        .isEqualTo(expected);
                checked++;
            }
            assertThat(checked).isGreaterThan(40);
        }
    }
}
