package dev.gatehouse.service;

import dev.gatehouse.store.StoreException;

/**
 * What a failure of the store means to a client, so that the HTTP layer can answer it without knowing the
 * store: a broken constraint is a 409 (the data conflicts), anything else a 503 saying nothing was written.
 */
public final class Failures {
    private Failures() {
    }

    /** The answer for {@code e}, or null when it is not a failure of the store. */
    public static ApiException ofStore(RuntimeException e) {
        if (!(e instanceof StoreException se)) {
            return null;
        }
        if (se.isConflict()) {
            return ApiException.conflict("the change conflicts with stored data: " + se.getMessage());
        }
        return ApiException.unavailable("the store is unavailable; nothing was written, try again");
    }

    /** True for a failure of the store that is not a conflict: the caller logs it, since the client cannot fix it. */
    public static boolean isOutage(RuntimeException e) {
        return e instanceof StoreException se && !se.isConflict();
    }
}
