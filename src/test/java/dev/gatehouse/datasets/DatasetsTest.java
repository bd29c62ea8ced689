package dev.gatehouse.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.model.Role;
import dev.gatehouse.service.Services;
import dev.gatehouse.store.Snapshot;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark datasets: the same for the same seed, of the sizes they promise, and loadable. */
class DatasetsTest {
    @TempDir
    Path dir;

    private Snapshot large(String name, long seed) {
        try (SqliteStore store = SqliteStore.open(dir.resolve(name))) {
            Datasets.large(store, seed, Datasets.Large.scaled(0.01));
            return store.load();
        }
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedDoesNot() {
        Snapshot a = large("a.db", 7);
        Snapshot b = large("b.db", 7);
        Snapshot c = large("c.db", 8);
        assertThat(new HashSet<>(a.grants())).isEqualTo(new HashSet<>(b.grants()));
        assertThat(new HashSet<>(a.members())).isEqualTo(new HashSet<>(b.members()));
        assertThat(new HashSet<>(a.grants())).isNotEqualTo(new HashSet<>(c.grants()));
    }

    @Test
    void largeHasTheShapeItPromises() {
        Datasets.Large size = Datasets.Large.scaled(0.01);
        Snapshot s = large("l.db", 42);
        assertThat(s.members()).hasSize(size.members());
        assertThat(s.teams()).hasSize(size.teams());
        assertThat(s.collections()).hasSize(size.collections());
        assertThat(s.spaces()).hasSize(size.spaces());
        assertThat(s.pages()).hasSize(size.pages());
        assertThat(s.grants()).hasSize(size.grants());
        assertThat(s.members().stream().filter(m -> m.role() == Role.ADMIN)).hasSize(5);
        assertThat(s.grants().stream().filter(g -> g.role() == null).count()).isBetween(1L, (long) (size.grants() * 0.1));
        Set<String> pagesSpaces = new HashSet<>();
        var spaceOf = new java.util.HashMap<String, String>();
        s.pages().forEach(p -> spaceOf.put(p.id(), p.spaceId()));
        s.pages().forEach(p -> {
            if (p.parentId() != null) {
                assertThat(spaceOf.get(p.parentId())).as("a child page sits in its parent's space").isEqualTo(p.spaceId());
            }
            pagesSpaces.add(p.spaceId());
        });
        var depth = new java.util.HashMap<String, String>();
        s.collections().forEach(c -> depth.put(c.id(), c.parentId()));
        for (String c : depth.keySet()) {
            int d = 0;
            for (String p = depth.get(c); p != null; p = depth.get(p)) {
                d++;
            }
            assertThat(d).isLessThan(6);
        }
        // The whole dataset loads into a running Gatehouse.
        try (Services node = Services.open(SqliteStore.open(dir.resolve("l.db")), Services.Options.defaults("dataset-test-token"))) {
            int loaded = node.reads().read(w -> w.members("large").size());
            assertThat(loaded).isEqualTo(size.members());
        }
    }
}
