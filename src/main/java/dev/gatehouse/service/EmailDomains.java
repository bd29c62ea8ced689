package dev.gatehouse.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** An organization's email domains: checked, lower-cased, without duplicates. */
final class EmailDomains {
    static final int MAX = 100;
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    private EmailDomains() {
    }

    static List<String> normalize(List<String> domains) {
        if (domains.size() > MAX) {
            throw ApiException.badRequest("'emailDomains' holds at most " + MAX + " domains; got " + domains.size());
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < domains.size(); i++) {
            String d = domains.get(i);
            String n = d == null ? "" : d.strip().toLowerCase(Locale.ROOT);
            if (!DOMAIN.matcher(n).matches()) {
                throw ApiException.badRequest("'emailDomains[" + i + "]' must be a domain name such as example.com");
            }
            out.add(n);
        }
        return new ArrayList<>(out);
    }

    /** The domain of a normalized email: what follows its last {@code @}. */
    static String of(String email) {
        return email == null ? null : email.substring(email.lastIndexOf('@') + 1);
    }
}
