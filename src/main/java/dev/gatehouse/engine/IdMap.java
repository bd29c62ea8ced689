package dev.gatehouse.engine;

/**
 * A hash map from id to a value that carries its own id: the lookups that start every permission walk
 * (user id to member, resource id to {@link Node}).
 *
 * <p>Why not {@link java.util.HashMap}: there a lookup reads the bucket, then an entry object, then the
 * value; over 100,000 members and 150,000 resources each of those is a cache miss. Here the table holds
 * the values themselves, and each value keeps its id and the id's hash, so a lookup reads a slot and the
 * value it wanted anyway, and a colliding value is passed over by its hash without reading its id. Open
 * addressing with linear probing, at most a third full, so a lookup rarely reads more than one value.
 */
final class IdMap<V extends IdMap.Keyed> {
    /** A value that knows the id it is filed under. */
    interface Keyed {
        String key();

        /** {@code key().hashCode()}, kept in the value so that a probe does not read the key. */
        int keyHash();
    }

    private static final Object[] EMPTY = new Object[1];

    private Object[] table = EMPTY;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    @SuppressWarnings("unchecked")
    V get(String key) {
        Object[] t = table;
        int mask = t.length - 1;
        int h = key.hashCode();
        for (int i = home(h, mask); ; i = (i + 1) & mask) {
            Object o = t[i];
            if (o == null) {
                return null;
            }
            Keyed v = (Keyed) o;
            if (v.keyHash() == h) {
                String k = v.key();
                if (k == key || k.equals(key)) {
                    return (V) v;
                }
            }
        }
    }

    /** Files {@code value} under its key, replacing any value with that key; returns the replaced one. */
    @SuppressWarnings("unchecked")
    V put(V value) {
        if ((size + 1) * 3 > table.length) {
            rehash(Math.max(8, table.length * 2));
        }
        Object[] t = table;
        int mask = t.length - 1;
        String key = value.key();
        int h = value.keyHash();
        for (int i = home(h, mask); ; i = (i + 1) & mask) {
            Keyed v = (Keyed) t[i];
            if (v == null) {
                t[i] = value;
                size++;
                return null;
            }
            if (v.keyHash() == h && v.key().equals(key)) {
                t[i] = value;
                return (V) v;
            }
        }
    }

    /** Removes the value filed under {@code key}; returns it, or null when there was none. */
    @SuppressWarnings("unchecked")
    V remove(String key) {
        Object[] t = table;
        int mask = t.length - 1;
        int h = key.hashCode();
        for (int i = home(h, mask); t[i] != null; i = (i + 1) & mask) {
            Keyed v = (Keyed) t[i];
            if (v.keyHash() == h && v.key().equals(key)) {
                t[i] = null;
                size--;
                // Re-place the rest of the run, so that no later value is cut off from its home slot.
                for (int j = (i + 1) & mask; t[j] != null; j = (j + 1) & mask) {
                    Object moved = t[j];
                    t[j] = null;
                    place(t, (Keyed) moved);
                }
                return (V) v;
            }
        }
        return null;
    }

    private void rehash(int capacity) {
        Object[] old = table;
        table = new Object[capacity];
        for (Object o : old) {
            if (o != null) {
                place(table, (Keyed) o);
            }
        }
    }

    private static void place(Object[] t, Keyed v) {
        int mask = t.length - 1;
        int i = home(v.keyHash(), mask);
        while (t[i] != null) {
            i = (i + 1) & mask;
        }
        t[i] = v;
    }

    /** String hashes of ids that differ in their last characters differ in their low bits only: spread them. */
    private static int home(int h, int mask) {
        int x = h * 0x9E3779B9;
        return (x ^ x >>> 16) & mask;
    }
}
