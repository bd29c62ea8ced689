package dev.gatehouse.model;

import java.time.Instant;
import java.util.List;

/**
 * An endpoint that hears about an organization's audit entries.
 *
 * @param events the actions it wants ({@code grant.updated}, or a whole family as {@code grant.*}); empty
 *               for every action
 * @param secret the key of the HMAC-SHA256 signature of each delivery's body
 */
public record Webhook(String id, String orgId, String url, List<String> events, String secret, Instant createdAt) {
    public Webhook {
        events = List.copyOf(events);
    }

    public boolean wants(String action) {
        if (events.isEmpty()) {
            return true;
        }
        for (String e : events) {
            if (e.equals(action) || (e.endsWith(".*") && action.startsWith(e.substring(0, e.length() - 1)))) {
                return true;
            }
        }
        return false;
    }
}
