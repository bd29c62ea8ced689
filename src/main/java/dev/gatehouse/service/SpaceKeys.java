package dev.gatehouse.service;

import dev.gatehouse.engine.Permissions;
import dev.gatehouse.model.Space;
import java.time.Instant;

/** The keyset position of a space in creation order, as text: epoch microseconds and id. */
public final class SpaceKeys {
    private SpaceKeys() {
    }

    public static String of(Space s) {
        Instant t = s.createdAt();
        return (t.getEpochSecond() * 1_000_000L + t.getNano() / 1000) + ":" + s.id();
    }

    public static Permissions.SpaceKey parse(String key) {
        int colon = key.indexOf(':');
        long micros = Long.parseLong(key.substring(0, colon));
        Instant t = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
        return new Permissions.SpaceKey(t, key.substring(colon + 1));
    }
}
