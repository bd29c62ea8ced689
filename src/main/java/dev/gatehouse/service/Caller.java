package dev.gatehouse.service;

/**
 * Who is making a request: one user (personal token), or the installation's system actor, which may
 * create users and organizations and administers everything.
 */
public record Caller(String userId, boolean system) {
    public static final String SYSTEM_ACTOR = "system";
    public static final Caller SYSTEM = new Caller(null, true);

    public static Caller user(String userId) {
        return new Caller(userId, false);
    }

    /** The actor recorded in the changelog. */
    public String actor() {
        return system ? SYSTEM_ACTOR : userId;
    }
}
