package dev.gatehouse.model;

import java.util.Locale;

/**
 * A permission level, declared from least to most powerful so that {@link #ordinal()} is power.
 *
 * <p>GitBook's enum lists the roles as admin, create, edit, review, comment, read, which is not the
 * power order ({@code review} is {@code edit} plus merging): never rank roles by that list.
 * Where a role is optional, {@code null} stands for "none" (a guest member, or a grant of no access).
 */
public enum Role {
    READ, COMMENT, EDIT, REVIEW, CREATE, ADMIN;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used on the wire. */
    public String wire() {
        return wire;
    }

    public boolean atLeast(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** Parses the exact lower-case wire name; anything else (including another letter case) is rejected. */
    public static Role parse(String text) {
        if (text != null) {
            for (Role r : values()) {
                if (r.wire.equals(text)) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a role; use one of " + names());
    }

    public static boolean isRole(String text) {
        for (Role r : values()) {
            if (r.wire.equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** The more powerful of two optional roles; {@code null} (none) loses to any role. */
    public static Role max(Role a, Role b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** True when an optional role {@code have} is at least {@code need}; none is never enough. */
    public static boolean covers(Role have, Role need) {
        return have != null && have.ordinal() >= need.ordinal();
    }

    /** The wire name, or {@code null} for none. */
    public static String wireOrNull(Role role) {
        return role == null ? null : role.wire;
    }

    public static String names() {
        return "read, comment, edit, review, create, admin";
    }
}
