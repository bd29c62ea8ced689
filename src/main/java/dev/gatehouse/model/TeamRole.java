package dev.gatehouse.model;

import java.util.Locale;

/** A member's role inside a team: owners may manage the team's members. */
public enum TeamRole {
    MEMBER, OWNER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TeamRole parse(String text) {
        for (TeamRole r : values()) {
            if (r.wire().equals(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a team role; use owner or member");
    }
}
