package dev.gatehouse.service;

import dev.gatehouse.engine.World;
import java.util.function.Function;

/** What a use case may do to change the state: hand the write path a plan (see {@link GroupCommit}). */
public interface Writes {
    /**
     * Plans, commits and applies one write. The planner runs against the index as every earlier write left
     * it; it throws {@link ApiException} to refuse, and then nothing is written. Returns once the write is
     * durable and visible to reads.
     */
    <T> Written<T> write(Caller caller, Function<World, Plan<T>> planner);
}
