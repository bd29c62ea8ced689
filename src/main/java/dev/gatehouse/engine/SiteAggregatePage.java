package dev.gatehouse.engine;

import java.util.List;

/** A page of a site aggregate, by user id ascending; {@code hasMore} when another listed member follows. */
public record SiteAggregatePage(List<SiteAccess> items, boolean hasMore) {
    public SiteAggregatePage {
        items = List.copyOf(items);
    }
}
