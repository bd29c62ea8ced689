package dev.gatehouse.engine;

import dev.gatehouse.model.Role;

/**
 * The direct grants of one resource, keyed by subject key (a number for each user and team, see
 * {@link Grantee}): the point lookup that every level of a permission walk makes.
 *
 * <p>Why not the resource's ordered {@code TreeMap} of grants: a lookup there compares strings down a
 * tree, a cache miss per node. Here one key and its role share an int in an open-addressing table, so a
 * lookup usually reads a single array slot, and a user's and their teams' lookups share the same few
 * cache lines. The ordered maps stay in {@link World.Grants} for lists.
 *
 * <p>A slot holds {@code (key + 1) << 4 | (role code + 1)}, where the role code is {@link #NONE} for
 * a {@code null} grant or the role's ordinal; 0 is an empty slot. Linear probing, at most half full.
 * Subclassed by {@link Node} rather than held by it, so that a walk reads one object less per level.
 */
class RoleTable {
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

    /** Shared by every empty table: a lookup finds its one slot empty, and a put replaces it. */
    private static final int[] EMPTY = new int[1];

    private int[] slots = EMPTY;
    private int size;

    /** The role code of {@code subject}'s grant: {@link #ABSENT}, {@link #NONE} or the role's ordinal. */
    final int get(int subject) {
        int key = subject + 1;
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

    final void put(int subject, Role role) {
        if ((size + 1) * 2 > slots.length) {
            rehash(Math.max(4, slots.length * 2));
        }
        int slot = (subject + 1) << ROLE_BITS | (role == null ? 0 : role.ordinal() + 1);
        if (place(slots, slot)) {
            size++;
        }
    }

    final void remove(int subject) {
        int key = subject + 1;
        int mask = slots.length - 1;
        for (int i = home(key, mask); slots[i] != 0; i = (i + 1) & mask) {
            if (slots[i] >>> ROLE_BITS == key) {
                slots[i] = 0;
                if (--size == 0) {
                    slots = EMPTY;
                    return;
                }
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

    /** The {@link Grantee#teamBit}s of the teams with a grant here (team keys are the odd ones). */
    final long teamBits() {
        long bits = 0;
        for (int s : slots) {
            int subject = (s >>> ROLE_BITS) - 1;
            if (s != 0 && (subject & 1) == 1) {
                bits |= Grantee.teamBit(subject);
            }
        }
        return bits;
    }

    final boolean isEmpty() {
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
