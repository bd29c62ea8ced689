package dev.gatehouse.model;

import java.util.Objects;

/**
 * The {@code defaultLevel} of a collection, space, site or page: a role given to every non-guest member,
 * nobody ({@code null} on the wire), or {@code "inherit"} (ask the parent level).
 */
public record DefaultLevel(Kind kind, Role role) {

    public enum Kind { ROLE, NONE, INHERIT }

    public static final DefaultLevel INHERIT = new DefaultLevel(Kind.INHERIT, null);
    public static final DefaultLevel NONE = new DefaultLevel(Kind.NONE, null);
    /**
     * One instance per role, so that the default levels of 150,000 resources are a handful of shared
     * objects: a permission walk reads a level's default on every level it climbs, and a shared object is
     * in the cache where one per resource is a miss.
     */
    private static final DefaultLevel[] OF_ROLE = java.util.Arrays.stream(Role.values())
            .map(r -> new DefaultLevel(Kind.ROLE, r)).toArray(DefaultLevel[]::new);

    public DefaultLevel {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.ROLE) != (role != null)) {
            throw new IllegalArgumentException("a role is given exactly when kind is ROLE");
        }
    }

    public static DefaultLevel of(Role role) {
        return role == null ? NONE : OF_ROLE[role.ordinal()];
    }

    /** Parses the wire value: a role name, {@code "inherit"}, or {@code null}. */
    public static DefaultLevel parse(String text) {
        if (text == null) {
            return NONE;
        }
        if ("inherit".equals(text)) {
            return INHERIT;
        }
        if (Role.isRole(text)) {
            return of(Role.parse(text));
        }
        throw new IllegalArgumentException(
                "'" + text + "' is not a default level; use one of " + Role.names() + ", inherit or null");
    }

    /** The wire value: the role name, {@code "inherit"}, or {@code null}. */
    public String wire() {
        return switch (kind) {
            case ROLE -> role.wire();
            case INHERIT -> "inherit";
            case NONE -> null;
        };
    }

    public boolean isInherit() {
        return kind == Kind.INHERIT;
    }
}
