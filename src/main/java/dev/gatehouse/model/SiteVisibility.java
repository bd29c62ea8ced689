package dev.gatehouse.model;

import java.util.Locale;

/** GitBook's audience setting of a published site. */
public enum SiteVisibility {
    PUBLIC, UNLISTED, SHARE_LINK, VISITOR_AUTH;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SiteVisibility parse(String text) {
        for (SiteVisibility v : values()) {
            if (v.wire().equals(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException("'" + text
                + "' is not a site visibility; use public, unlisted, share-link or visitor-auth");
    }
}
