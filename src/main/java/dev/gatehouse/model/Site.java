package dev.gatehouse.model;

import java.time.Instant;
import java.util.Objects;

/** A published site. Its {@code defaultLevel} applies to the site only and never flows into its spaces. */
public record Site(String id, String orgId, String title, DefaultLevel defaultLevel, SiteVisibility visibility,
                   boolean published, Instant createdAt) {
    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(defaultLevel, "defaultLevel");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
