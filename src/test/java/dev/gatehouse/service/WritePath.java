package dev.gatehouse.service;

import dev.gatehouse.engine.World;
import dev.gatehouse.store.Store;
import java.time.Duration;
import java.util.function.Function;

/** One node's write path and index, opened on a store the way every node opens them, for its own tests. */
final class WritePath implements AutoCloseable {
    private final Store store;
    private final Services services;

    WritePath(Store store, long writeTimeoutMillis) {
        this.store = store;
        services = Services.open(store, Services.Options.defaults("write-path-test-system-token")
                .withWriteTimeout(Duration.ofMillis(writeTimeoutMillis)));
    }

    WritePath(Store store) {
        this(store, Services.Options.DEFAULT_WRITE_TIMEOUT.toMillis());
    }

    <T> Written<T> write(Caller caller, Function<World, Plan<T>> planner) {
        return services.writes().write(caller, planner);
    }

    <T> T read(Function<World, T> query) {
        return services.reads().read(query);
    }

    /** The store it writes to, to check what was committed. */
    Store store() {
        return store;
    }

    long revision() {
        return services.reads().revision();
    }

    int queuedWrites() {
        return services.writes().queuedWrites();
    }

    boolean storeFailing() {
        return services.writes().storeFailing();
    }

    @Override
    public void close() {
        services.close();
    }
}
