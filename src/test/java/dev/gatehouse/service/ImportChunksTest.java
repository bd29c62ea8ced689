package dev.gatehouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.model.Change;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.model.Team;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An import's chunks: the file's records in order, none lost or repeated, none bigger than a chunk, and a
 * long run of one kind in chunks of that kind only, each big enough to be written apart.
 */
class ImportChunksTest {
    @Test
    void chunksKeepTheFileInOrderAndGiveLongRunsOfOneKindTheirOwn() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            List<Change> puts = new ArrayList<>();
            List<int[]> runs = new ArrayList<>();
            int runCount = 1 + random.nextInt(8);
            for (int r = 0; r < runCount; r++) {
                // Runs of every length: single records, runs just under and over the threshold, several chunks.
                int length = switch (random.nextInt(4)) {
                    case 0 -> 1 + random.nextInt(20);
                    case 1 -> GroupCommit.APART_FROM - 2 + random.nextInt(4);
                    case 2 -> 1 + random.nextInt(DataService.CHUNK);
                    default -> DataService.CHUNK + random.nextInt(3 * DataService.CHUNK);
                };
                boolean grants = puts.isEmpty() ? random.nextBoolean() : !(puts.get(puts.size() - 1) instanceof Change.GrantPut);
                runs.add(new int[] {puts.size(), puts.size() + length});
                for (int i = 0; i < length; i++) {
                    String id = "r" + r + "-" + i;
                    puts.add(grants ? new Change.GrantPut(new Grant(ResourceRef.space("s"), SubjectRef.user(id), Role.READ, null))
                            : new Change.TeamPut(new Team(id, "org", id, Instant.EPOCH)));
                }
            }
            List<List<Change>> chunks = DataService.chunks(puts);

            List<Change> joined = new ArrayList<>();
            chunks.forEach(joined::addAll);
            assertThat(joined).as("seed %d", seed).isEqualTo(puts);
            assertThat(chunks).as("seed %d", seed).allSatisfy(c -> assertThat(c).isNotEmpty().hasSizeLessThanOrEqualTo(DataService.CHUNK));
            int at = 0;
            for (List<Change> chunk : chunks) {
                int start = at;
                at += chunk.size();
                for (int[] run : runs) {
                    boolean inside = start >= run[0] && start < run[1];
                    boolean longRun = run[1] - run[0] >= GroupCommit.APART_FROM;
                    if (longRun && start < run[0]) {
                        assertThat(at).as("seed %d: no chunk reaches into a long run from before it", seed)
                                .isLessThanOrEqualTo(run[0]);
                    }
                    if (inside && longRun) {
                        assertThat(at).as("seed %d: a chunk of a long run ends within it", seed).isLessThanOrEqualTo(run[1]);
                        assertThat(chunk).as("seed %d", seed).hasSizeGreaterThanOrEqualTo(GroupCommit.APART_FROM);
                    }
                }
            }
        }
    }
}
