package dev.gatehouse.service;

import java.util.Locale;
import java.util.regex.Pattern;

/** Emails are compared after trimming and lower-casing: one user per email, whatever the letter case. */
public final class Emails {
    // Deliberately simple: one '@', no spaces, a dot in the domain. Deliverability is not ours to judge.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private Emails() {
    }

    public static boolean looksLikeEmail(String text) {
        return text != null && text.contains("@");
    }

    /** The normalized email, or a 400 naming the bad value. */
    public static String normalize(String text) {
        String e = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
            throw ApiException.badRequest("'" + text + "' is not an email address (expected name@example.com)");
        }
        return e;
    }
}
