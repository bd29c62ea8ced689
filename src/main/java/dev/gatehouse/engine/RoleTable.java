package dev.gatehouse.engine;

import dev.gatehouse.model.Role;

/**
 * The direct grants of one resource to users, or to teams, keyed by subject number ({@link Subjects}):
 * the point lookup that every level of a permission walk makes.
 *
 * <p>Why not the resource's ordered {@code TreeMap} of grants: a lookup there compares strings down a
 * tree, a cache miss per node. Here one key and its role share an int in an open-addressing table, so a
 * lookup usually reads a single array slot. The ordered maps stay in {@link World.Grants} for lists.
 *
 * <p>A slot holds {@code (number + 1) << 4 | (role code + 1)}, where the role code is {@link #NONE} for
 * a {@code null} grant or the role's ordinal; 0 is an empty slot. Linear probing, at most half full.
 */
final class RoleTable {
    /** What {@link #get} answers for a subject without a grant here. */
    static final int ABSENT = -2;
    /** The role code of a {@code null} grant (no access). */
    static final int NONE = -1;
    private static final int ROLE_BITS = 4;
    private static final int ROLE_MASK = (1 << ROLE_BITS) - 1;

    static {
        if (Role.values().length + 1 > ROLE_MASK) {
            throw new AssertionError("role codes do not fit in " + ROLE_BITS + " bits");
        }
    }

    private int[] slots = new int[4];
    private int size;

    /** The role code of {@code number}'s grant: {@link #ABSENT}, {@link #NONE} or the role's ordinal. */
    int get(int number) {
        int key = number + 1;
        int mask = slots.length - 1;
        for (int i = home(key, mask); ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                return ABSENT;
            }
            if (s >>> ROLE_BITS == key) {
                return (s & ROLE_MASK) - 1;
            }
        }
    }

    void put(int number, Role role) {
        if ((size + 1) * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        int slot = (number + 1) << ROLE_BITS | (role == null ? 0 : role.ordinal() + 1);
        if (place(slots, slot)) {
            size++;
        }
    }

    void remove(int number) {
        int key = number + 1;
        int mask = slots.length - 1;
        for (int i = home(key, mask); slots[i] != 0; i = (i + 1) & mask) {
            if (slots[i] >>> ROLE_BITS == key) {
                slots[i] = 0;
                size--;
                // Re-place the rest of the run, so that no later key is cut off from its home slot.
                for (int j = (i + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
                    int moved = slots[j];
                    slots[j] = 0;
                    place(slots, moved);
                }
                return;
            }
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Puts {@code slot} in {@code table}, replacing the same key's slot; true when the key is new. */
    private static boolean place(int[] table, int slot) {
        int key = slot >>> ROLE_BITS;
        int mask = table.length - 1;
        for (int i = home(key, mask); ; i = (i + 1) & mask) {
            int s = table[i];
            if (s == 0) {
                table[i] = slot;
                return true;
            }
            if (s >>> ROLE_BITS == key) {
                table[i] = slot;
                return false;
            }
        }
    }

    private void rehash(int capacity) {
        int[] old = slots;
        slots = new int[capacity];
        for (int s : old) {
            if (s != 0) {
                place(slots, s);
            }
        }
    }

    /** Subject numbers are dense and sequential: scramble them so neighbours do not share a run. */
    private static int home(int key, int mask) {
        int h = key * 0x9E3779B9;
        return (h ^ h >>> 16) & mask;
    }
}
