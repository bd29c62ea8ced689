package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenants learn nothing of each other. Two organizations, alpha and bravo, each with a member of every
 * kind and an object of every kind ({@link Tenant}). Every operation of the served OpenAPI document is
 * sent by every caller of alpha with bravo's ids in it (all of them, and one at a time among alpha's
 * own ids), and again with ids that exist nowhere: the two answers must be the same, status and body,
 * once each id is replaced by the name of its placeholder, and no answer may contain anything of bravo
 * (its name, which every user id, email, display name and title of it carries, or a generated id of it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantIsolationTest {
    TestApp app;
    Tenant alpha;
    Tenant bravo;
    List<Operations.Request> requests;

    @BeforeAll
    void build(@TempDir Path dir) {
        app = TestApp.start(dir);
        alpha = Tenant.build(app, "alpha");
        bravo = Tenant.build(app, "bravo");
        requests = Operations.of(app.ok(app.get("/v1/openapi.json", null), 200));
    }

    @AfterAll
    void close() {
        app.close();
    }

    @Test
    @Order(1)
    void everyOperationAnswersAboutTheOtherTenantAsAboutNothing() {
        List<String> failures = new ArrayList<>();
        Set<String> driven = new TreeSet<>();
        int pairs = 0;
        for (Operations.Request r : requests) {
            driven.add(r.operation());
            for (Set<String> foreign : foreignChoices(r.placeholders())) {
                for (String kind : Tenant.KINDS) {
                    compare(r, foreign, kind, failures);
                    pairs += foreign.isEmpty() ? 0 : 1;
                }
            }
        }
        // Guards against a matrix that silently shrinks (a document read wrongly, placeholders not found).
        assertThat(driven).as("every operation of the document is driven").hasSizeGreaterThan(90);
        assertThat(pairs).as("answers compared").isGreaterThan(2000);
        assertThat(failures).as(report(failures)).isEmpty();
    }

    /**
     * Runs after the matrix on purpose: whatever the matrix's writes managed to pull over from bravo
     * would show here too. Every read of alpha, with alpha's own ids, as every caller of alpha.
     */
    @Test
    @Order(2)
    void alphasOwnAnswersShowNothingOfBravo() {
        List<String> failures = new ArrayList<>();
        for (Operations.Request r : requests) {
            if (!r.isRead()) {
                continue;
            }
            Operations.Request own = r.with(ids(r.placeholders(), Set.of(), alpha.ids));
            for (String kind : Tenant.KINDS) {
                TestApp.Res res = send(own, alpha.tokens.get(kind));
                String leak = bravo.leakIn(res.text());
                if (leak != null) {
                    failures.add(kind + ": " + own + " -> " + res.status() + " shows '" + leak + "': " + res.text());
                }
            }
        }
        assertThat(failures).as(report(failures)).isEmpty();
    }

    private void compare(Operations.Request r, Set<String> foreign, String kind, List<String> failures) {
        String token = alpha.tokens.get(kind);
        if (foreign.isEmpty()) {
            // Nothing to name: what the caller is answered must still hold nothing of bravo.
            TestApp.Res res = send(r, token);
            String leak = bravo.leakIn(res.text());
            if (leak != null) {
                failures.add(kind + ": " + r + " -> " + res.status() + " shows '" + leak + "': " + res.text());
            }
            return;
        }
        if (r.operation().equals("POST /v1/orgs/{organizationId}/invites/{inviteId}")
                && foreign.containsAll(r.placeholders())) {
            // The one operation where bravo's ids are a capability: whoever holds one of bravo's invite links
            // may join bravo with it (docs/api.md, "Invite links"); InviteLinkApiTest tests that join. A link
            // named under another organization's path is compared here as everything else is.
            return;
        }
        Operations.Request withBravo = r.with(ids(r.placeholders(), foreign, bravo.ids));
        Operations.Request withNothing = r.with(ids(r.placeholders(), foreign, Map.of()));
        TestApp.Res b = send(withBravo, token);
        TestApp.Res m = send(withNothing, token);
        String bText = normalized(b.text(), foreign, bravo.ids);
        String mText = normalized(m.text(), foreign, Map.of());
        if (b.status() != m.status() || !bText.equals(mText)) {
            failures.add(kind + ": " + withBravo + " -> " + b.status() + " " + bText + "  BUT nonexistent ids -> "
                    + m.status() + " " + mText);
            return;
        }
        String leak = bravo.leakIn(bText);
        if (leak != null) {
            failures.add(kind + ": " + withBravo + " -> " + b.status() + " shows '" + leak + "': " + b.text());
        }
    }

    /**
     * Which placeholders name the other tenant: all of them, and, when there are several, each alone while
     * the rest name alpha's own objects (a space of alpha with bravo's user in it, say). None: nothing to vary.
     */
    private static List<Set<String>> foreignChoices(List<String> placeholders) {
        List<Set<String>> out = new ArrayList<>();
        out.add(Set.copyOf(placeholders));
        if (placeholders.size() > 1) {
            placeholders.forEach(p -> out.add(Set.of(p)));
        }
        return out;
    }

    /** Ids for the placeholders: alpha's own, except the foreign ones, which get {@code foreignIds} (empty: nonexistent ids). */
    private Map<String, String> ids(List<String> placeholders, Set<String> foreign, Map<String, String> foreignIds) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : placeholders) {
            String kind = Operations.kind(p);
            out.put(p, !foreign.contains(p) ? alpha.ids.get(kind) : foreignIds.getOrDefault(kind, missing(kind)));
        }
        return out;
    }

    /** An id of the kind that exists nowhere; the same for every placeholder of that kind, as bravo's are. */
    private static String missing(String kind) {
        return "nx-" + kind.toLowerCase();
    }

    /** The body with each id the request put in a foreign placeholder written as that placeholder's kind. */
    private static String normalized(String text, Set<String> foreign, Map<String, String> foreignIds) {
        if (text == null) {
            return "";
        }
        List<String> kinds = foreign.stream().map(Operations::kind).distinct()
                .sorted(Comparator.comparing((String k) -> foreignIds.getOrDefault(k, missing(k)).length()).reversed())
                .toList();
        String out = text;
        for (String kind : kinds) {
            out = out.replace(foreignIds.getOrDefault(kind, missing(kind)), "<" + kind + ">");
        }
        return out;
    }

    private TestApp.Res send(Operations.Request r, String token) {
        return app.call(r.method(), r.target(), token, r.body());
    }

    private static String report(List<String> failures) {
        StringBuilder b = new StringBuilder(failures.size() + " answers differ or leak");
        failures.stream().limit(60).forEach(f -> b.append("\n  ").append(f));
        return b.toString();
    }
}
