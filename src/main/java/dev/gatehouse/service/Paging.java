package dev.gatehouse.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Keyset paging over an ordered source that already starts after the cursor: take the matching items up
 * to the limit, and look one further to know whether another page follows.
 */
public final class Paging {
    public static final int MAX_LIMIT = 1000;

    private Paging() {
    }

    public static <T> Slice<T> take(Iterable<T> fromCursor, Predicate<T> keep, int limit, Function<T, String> key) {
        List<T> items = new ArrayList<>(Math.min(limit, 64));
        Iterator<T> it = fromCursor.iterator();
        boolean more = false;
        while (it.hasNext()) {
            T t = it.next();
            if (!keep.test(t)) {
                continue;
            }
            if (items.size() == limit) {
                more = true;
                break;
            }
            items.add(t);
        }
        return Slice.of(items, more, key);
    }

    /** Maps the items of a slice while keeping its next key. */
    public static <T, R> Slice<R> map(Slice<T> slice, Function<T, R> f) {
        List<R> out = new ArrayList<>(slice.items().size());
        for (T t : slice.items()) {
            out.add(f.apply(t));
        }
        return new Slice<>(out, slice.nextKey());
    }
}
