package dev.gatehouse.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A private link to a site: whoever holds its key may read the site and the spaces it publishes, while the
 * link is {@code active}. The key is not part of the record: it is derived from the id with an installation
 * secret whenever it is shown or checked, so neither the tables nor the changelog hold it.
 */
public record ShareLink(String id, String siteId, String name, boolean active, Instant createdAt) {
    /** GitBook's bound on a share link's name. */
    public static final int MAX_NAME = 50;

    public ShareLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
