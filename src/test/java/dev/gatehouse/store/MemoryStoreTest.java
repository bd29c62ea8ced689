package dev.gatehouse.store;

/** The in-memory fake keeps the same contract as the real stores. */
class MemoryStoreTest extends StoreConformanceTest {
    @Override
    protected Store create() {
        return new MemoryStore();
    }

    @Override
    protected Store reopen(Store current) {
        current.close();
        return new MemoryStore(((MemoryStore) current).data());
    }
}
