package dev.gatehouse.model;

import java.util.regex.Pattern;

/** The one shape every id has: 1 to 64 of letters, digits, '_' and '-'. Safe in paths, logs and cursors. */
public final class Ids {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Ids() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static String rule() {
        return "1 to 64 letters, digits, '_' or '-'";
    }
}
