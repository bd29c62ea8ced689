package dev.gatehouse.service;

import java.util.List;

/**
 * One page of a list: its items and, when more follow, the key of the last item, from which the next page
 * starts. The http layer turns that key into a signed, opaque cursor.
 */
public record Slice<T>(List<T> items, String nextKey) {
    public static <T> Slice<T> of(List<T> items, boolean hasMore, java.util.function.Function<T, String> key) {
        return new Slice<>(items, hasMore && !items.isEmpty() ? key.apply(items.get(items.size() - 1)) : null);
    }
}
