package dev.gatehouse.engine;

import java.util.function.Function;

/**
 * What a use case may do with the index: ask it questions at one consistent revision. Applying changes is
 * the write path's alone, so a reader of a service sees that it cannot change the index behind the store.
 */
public interface Reads {
    /** Runs {@code query} against a consistent state of the world; the query must not keep views of it. */
    <T> T read(Function<World, T> query);

    /** The revision reads are answered at now. */
    long revision();

    /** Waits until reads reflect at least {@code revision}, at most {@code timeoutMillis}; true when they do. */
    boolean awaitRevision(long revision, long timeoutMillis) throws InterruptedException;
}
