package dev.gatehouse.service;

/**
 * Who is making a request: one user (personal token), the installation's system actor, which may
 * create users and organizations and administers everything, or one organization's identity provider
 * ({@code scimOrgId}, a SCIM token), which reaches that organization's SCIM endpoint and nothing else.
 */
public record Caller(String userId, boolean system, String idempotencyKey, String scimOrgId) {
    public static final String SYSTEM_ACTOR = "system";
    /** The actor the changelog and the audit log name for every change made over SCIM. */
    public static final String SCIM_ACTOR = "scim";
    public static final Caller SYSTEM = new Caller(null, true);

    public Caller(String userId, boolean system) {
        this(userId, system, null, null);
    }

    public Caller(String userId, boolean system, String idempotencyKey) {
        this(userId, system, idempotencyKey, null);
    }

    /** The identity provider of organization {@code orgId}, authenticated by one of its SCIM tokens. */
    public static Caller scim(String orgId) {
        return new Caller(null, false, null, orgId);
    }

    public boolean isScim() {
        return scimOrgId != null;
    }

    /**
     * The same caller, making a request under an {@code Idempotency-Key} it has reserved: a write it makes is
     * marked on that key in the write's own transaction, so a retry can tell whether the first attempt landed.
     */
    public Caller withIdempotencyKey(String key) {
        return new Caller(userId, system, key, scimOrgId);
    }

    public static Caller user(String userId) {
        return new Caller(userId, false);
    }

    /** The actor recorded in the changelog. */
    public String actor() {
        return system ? SYSTEM_ACTOR : scimOrgId != null ? SCIM_ACTOR : userId;
    }

    /** The scope of this caller's idempotency keys: two callers choosing the same key never meet. */
    public String idempotencyScope() {
        return scimOrgId != null ? SCIM_ACTOR + ":" + scimOrgId : actor();
    }
}
