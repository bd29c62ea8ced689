package dev.gatehouse.engine;

import java.util.List;

/** A page of an aggregate, by user id ascending; {@code hasMore} when another matching user follows it. */
public record AggregatePage(List<Access> items, boolean hasMore) {
    public AggregatePage {
        items = List.copyOf(items);
    }
}
