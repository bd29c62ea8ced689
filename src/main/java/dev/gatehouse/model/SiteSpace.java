package dev.gatehouse.model;

import java.time.Instant;
import java.util.Objects;

/** A space published by a site. A site's spaces are ordered by {@code position}, then id. */
public record SiteSpace(String id, String siteId, String spaceId, String path, long position, Instant createdAt) {
    public SiteSpace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(spaceId, "spaceId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
