package dev.gatehouse.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The store contract, one suite per concern, run by every implementation. A subclass supplies a fresh,
 * empty store and a way to reopen the same data, as a restarted process would.
 */
public abstract class StoreConformanceTest implements ChangelogContract, AuditLogContract, IdempotencyContract,
        WebhookContract, SecretContract, GrantExpiryContract {
    protected Store store;

    /** A new, empty store. */
    protected abstract Store create() throws Exception;

    /** Closes {@code current} and opens the same data again. */
    protected abstract Store reopen(Store current) throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = create();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    public Store store() {
        return store;
    }

    @Override
    public void reopenStore() throws Exception {
        store = reopen(store);
    }
}
