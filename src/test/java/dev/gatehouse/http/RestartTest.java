package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.Permissions;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data written through the API survives a restart, and the reloaded index answers exactly as before. */
class RestartTest {
    @TempDir
    Path dir;

    /** A server on a new, empty database; the PostgreSQL variant overrides it. */
    protected TestApp startApp() {
        return TestApp.start(dir);
    }

    /** Every member's effective permission on every resource, and every aggregate: what the index answers. */
    private static Map<String, String> answers(TestApp app) {
        return app.reads().read(w -> {
            Map<String, String> out = new TreeMap<>();
            for (String org : w.organizations().keySet()) {
                List<ResourceRef> resources = new ArrayList<>();
                w.collections(org).keySet().forEach(id -> resources.add(ResourceRef.collection(id)));
                w.spaces(org).forEach(s -> resources.add(ResourceRef.space(s.id())));
                w.sites(org).keySet().forEach(id -> resources.add(ResourceRef.site(id)));
                for (ResourceRef r : resources) {
                    for (String user : w.members(org).keySet()) {
                        Role role = Permissions.effective(w, user, r);
                        out.put(r + " " + user, role == null ? "none" : role.wire());
                    }
                    if (r.type() != dev.gatehouse.model.ResourceType.SITE) {
                        out.put(r + " aggregate", Permissions.aggregate(w, r, null, null, 1000).items().toString());
                    }
                }
            }
            out.put("revision", Long.toString(app.revision()));
            return out;
        });
    }

    @Test
    void theIndexReloadedFromTheStoreAnswersLikeTheOneThatWroteIt() {
        TestApp app = startApp();
        try {
            String alice = app.user("alice");
            app.user("bob");
            app.user("carol");
            String org = app.org("Acme", "alice");
            app.member(org, "bob", "\"edit\"");
            app.member(org, "carol", "null");
            String team = app.team(org, alice, "T", "bob", "carol");
            String c = app.collection(org, alice, "{\"title\":\"C\"}");
            String s = app.space(org, alice, "{\"title\":\"S\",\"parent\":\"" + c + "\"}");
            String s2 = app.space(org, alice, "{\"title\":\"S2\",\"defaultLevel\":null}");
            app.ok(app.post("/v1/collections/" + c + "/permissions", alice, "{\"role\":\"comment\",\"teams\":[\"" + team + "\"]}"), 204);
            app.ok(app.post("/v1/spaces/" + s2 + "/permissions", alice, "{\"role\":null,\"users\":[\"bob\"]}"), 204);
            app.ok(app.post("/v1/spaces/" + s2 + "/permissions", alice, "{\"role\":\"read\",\"users\":[\"carol\"]}"), 204);
            app.ok(app.post("/v1/orgs/" + org + "/sites", alice, "{\"title\":\"Docs\",\"spaces\":[\"" + s + "\"]}"), 201);
            app.ok(app.delete("/v1/spaces/" + s2, alice), 205);

            Map<String, String> before = answers(app);
            app.restart();
            assertThat(answers(app)).isEqualTo(before);
            assertThat(app.get("/v1/user", alice).status()).isEqualTo(200);
            assertThat(app.get("/v1/spaces/" + s2, alice).json().has("deletedAt")).isTrue();
        } finally {
            app.close();
        }
    }
}
