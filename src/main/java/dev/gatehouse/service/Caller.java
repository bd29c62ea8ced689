package dev.gatehouse.service;

/**
 * Who is making a request: one user (personal token), or the installation's system actor, which may
 * create users and organizations and administers everything.
 */
public record Caller(String userId, boolean system, String idempotencyKey) {
    public static final String SYSTEM_ACTOR = "system";
    public static final Caller SYSTEM = new Caller(null, true);

    public Caller(String userId, boolean system) {
        this(userId, system, null);
    }

    /**
     * The same caller, making a request under an {@code Idempotency-Key} it has reserved: a write it makes is
     * marked on that key in the write's own transaction, so a retry can tell whether the first attempt landed.
     */
    public Caller withIdempotencyKey(String key) {
        return new Caller(userId, system, key);
    }

    public static Caller user(String userId) {
        return new Caller(userId, false);
    }

    /** The actor recorded in the changelog. */
    public String actor() {
        return system ? SYSTEM_ACTOR : userId;
    }

    /** The scope of this caller's idempotency keys: two callers choosing the same key never meet. */
    public String idempotencyScope() {
        return actor();
    }
}
