package dev.gatehouse.service;

import dev.gatehouse.engine.World;
import dev.gatehouse.model.Member;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Members in name order (GitBook's {@code sort=name}): by display name ignoring case and accents ("Émile"
 * between "Dan" and "Zoë"), then as written, then by user id, so that no two members tie and a page ends at
 * an exact place. The index keeps no such order,
 * so a page is one pass over the organization's members that keeps the first {@code limit + 1} after the
 * cursor: it costs the number of members, wherever it starts, and sorts only what it returns.
 */
final class MemberNames {
    /** Where a member sorts; as a cursor key, {@code userId:displayName} (an id never holds a colon). */
    private record Key(String folded, String name, String userId) {
        Key(String name, String userId) {
            this(fold(name), name, userId);
        }

        String text() {
            return userId + ":" + name;
        }
    }

    private static final Comparator<Key> ASCENDING = Comparator.comparing(Key::folded).thenComparing(Key::name)
            .thenComparing(Key::userId);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private record Placed(Key key, Member member) { }

    private MemberNames() {
    }

    /** The members {@code keep} accepts, after the one whose key is {@code after} (null: from the first). */
    static Slice<Member> page(World w, String orgId, Predicate<Member> keep, boolean descending, String after, int limit) {
        Comparator<Key> order = descending ? ASCENDING.reversed() : ASCENDING;
        Key from = after == null ? null : parse(after);
        // The head is the last, in list order, of those kept so far: the one to drop when one more is found.
        PriorityQueue<Placed> first = new PriorityQueue<>(Comparator.comparing(Placed::key, order).reversed());
        for (Member m : w.members(orgId).values()) {
            Key k = key(w, m);
            if ((from == null || order.compare(k, from) > 0) && keep.test(m)) {
                first.add(new Placed(k, m));
                if (first.size() > limit + 1) {
                    first.poll();
                }
            }
        }
        List<Placed> sorted = new ArrayList<>(first);
        sorted.sort(Comparator.comparing(Placed::key, order));
        boolean more = sorted.size() > limit;
        List<Member> items = new ArrayList<>(Math.min(limit, sorted.size()));
        for (Placed p : sorted.subList(0, Math.min(limit, sorted.size()))) {
            items.add(p.member());
        }
        return Slice.of(items, more, m -> key(w, m).text());
    }

    private static Key key(World w, Member m) {
        return new Key(w.user(m.userId()).displayName(), m.userId());
    }

    /** Lower case without accents; a plain ASCII name, the usual case, skips the normalization. */
    static String fold(String name) {
        boolean ascii = true;
        for (int i = 0; i < name.length() && ascii; i++) {
            ascii = name.charAt(i) < 0x80;
        }
        String bare = ascii ? name : MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return bare.toLowerCase(Locale.ROOT);
    }

    private static Key parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 1) {
            throw ApiException.badRequest("'page' is not a cursor of this list; pass the 'next.page' value of the "
                    + "previous page unchanged");
        }
        return new Key(text.substring(colon + 1), text.substring(0, colon));
    }
}
