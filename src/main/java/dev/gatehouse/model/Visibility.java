package dev.gatehouse.model;

import java.util.Locale;

/** GitBook's content visibility of a space. {@code PUBLIC} spaces are viewable by anyone who reaches the API. */
public enum Visibility {
    PUBLIC, UNLISTED, SHARE_LINK, VISITOR_AUTH, IN_COLLECTION, PRIVATE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Visibility parse(String text) {
        for (Visibility v : values()) {
            if (v.wire().equals(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException("'" + text
                + "' is not a visibility; use public, unlisted, share-link, visitor-auth, in-collection or private");
    }
}
