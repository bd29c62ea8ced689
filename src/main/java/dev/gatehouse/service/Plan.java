package dev.gatehouse.service;

import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import java.util.List;
import java.util.function.Function;

/**
 * The changes a write will commit and what the write answers once they are committed. A viewed answer is
 * read from the index with the write's changes applied and no later write's: it shows exactly the state the
 * write produced, without reading the index again afterwards. A known answer reads nothing of the index.
 *
 * @param answerKnown the answer reads nothing of the world: a large write of puts apart from one another
 *                    ({@link dev.gatehouse.engine.ApartPuts}) then need not be tried out change by change
 */
public record Plan<T>(List<Change> changes, Function<World, T> answer, boolean answerKnown) {
    /** Changes, and an answer known before they are applied. */
    public static <T> Plan<T> of(List<Change> changes, T result) {
        return new Plan<>(List.copyOf(changes), w -> result, true);
    }

    /**
     * Changes, and an answer read from the index as they leave it (what the caller may now do with what
     * the write made, say). It runs while the write is tried out, holding the index exclusively: it must
     * only read, and cannot refuse the write.
     */
    public static <T> Plan<T> viewed(List<Change> changes, Function<World, T> view) {
        return new Plan<>(List.copyOf(changes), view, false);
    }

    public static <T> Plan<T> nothing(T result) {
        return new Plan<>(List.of(), w -> result, true);
    }
}
