package dev.gatehouse.store;

/** What every store contract runs against: the store under test, and a restart of it on the same data. */
public interface StoreFixture {
    Store store();

    /** Closes the store and opens the same data again, as a restarted process would. */
    void reopenStore() throws Exception;
}
