package dev.gatehouse.engine;

import java.util.List;

/** A page of member spaces, in {@link World#SPACE_ORDER} or its reverse; {@code hasMore} when another follows. */
public record MemberSpacesPage(List<SpaceAccess> items, boolean hasMore) {
    public MemberSpacesPage {
        items = List.copyOf(items);
    }
}
