package dev.gatehouse.model;

import java.util.Locale;

/** The kinds of resource that carry grants. */
public enum ResourceType {
    COLLECTION, SPACE, SITE, PAGE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResourceType parse(String text) {
        for (ResourceType t : values()) {
            if (t.wire().equals(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a resource type; use collection, space, site or page");
    }
}
