package dev.gatehouse.model;

/** The one shape every id has: 1 to 64 of letters, digits, '_' and '-'. Safe in paths, logs and cursors. */
public final class Ids {
    private Ids() {
    }

    public static boolean isValid(String id) {
        // A loop rather than a pattern: an import checks a million of them.
        if (id == null || id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    public static String rule() {
        return "1 to 64 letters, digits, '_' or '-'";
    }
}
