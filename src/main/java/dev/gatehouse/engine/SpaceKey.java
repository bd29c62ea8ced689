package dev.gatehouse.engine;

import java.time.Instant;
import java.util.Objects;

/** A keyset position in {@link World#SPACE_ORDER}: the creation time and id of a space. */
public record SpaceKey(Instant createdAt, String id) {
    public SpaceKey {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }
}
