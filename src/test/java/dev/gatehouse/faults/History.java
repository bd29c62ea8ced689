package dev.gatehouse.faults;

import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import dev.gatehouse.store.ChangelogEntry;
import dev.gatehouse.store.Store;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The database's past, replayed from its changelog: the value a slot had right after a given revision. It
 * tells the two ways a slot can miss its last acknowledged value apart: the acknowledged write is not there
 * at the revision it answered (lost, R2), or it is and a later write nobody acknowledged replaced it (R3).
 */
final class History {
    private History() {
    }

    /**
     * The value of each slot in {@code wanted} right after its revision; a revision beyond the changelog is
     * left out of the answer.
     */
    static Map<String, String> valuesAt(Store store, Map<Slot, Long> wanted) {
        Map<Long, List<Slot>> byRevision = new HashMap<>();
        wanted.forEach((slot, r) -> byRevision.computeIfAbsent(r, x -> new java.util.ArrayList<>()).add(slot));
        Map<String, String> out = new HashMap<>();
        World world = new World();
        long after = 0;
        for (List<ChangelogEntry> page; !(page = store.changesAfter(after, 500)).isEmpty(); ) {
            for (ChangelogEntry e : page) {
                for (Change c : e.changes()) {
                    world.apply(c);
                }
                for (Slot s : byRevision.getOrDefault(e.revision(), List.of())) {
                    out.put(s.key, s.read(world));
                }
                after = e.revision();
            }
        }
        return out;
    }
}
