package dev.gatehouse.http;

import static dev.gatehouse.http.AuthAndErrorsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Site share links: managing them, and what the check answers for one. */
class ShareLinkApiTest {
    @TempDir
    Path dir;
    TestApp app;
    String alice;
    String bob;
    String org;
    String published;
    String unpublished;
    String site;
    String links;

    @BeforeEach
    void setUp() {
        app = TestApp.start(dir);
        alice = app.user("alice");
        bob = app.user("bob");
        org = app.org("Acme", "alice");
        app.member(org, "bob", "\"edit\"");
        published = app.space(org, alice, "{\"title\":\"Guide\"}");
        unpublished = app.space(org, alice, "{\"title\":\"Internal\"}");
        site = app.ok(app.post("/v1/orgs/" + org + "/sites", alice, "{\"title\":\"Docs\",\"spaces\":[\"" + published
                + "\"]}"), 201).get("id").asText();
        links = "/v1/orgs/" + org + "/sites/" + site + "/share-links";
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    private JsonNode create(String name) {
        return app.ok(app.post(links, alice, "{\"name\":" + TestApp.quote(name) + "}"), 201);
    }

    private static String key(JsonNode link) {
        String url = link.get("urls").get("published").asText();
        return url.substring(url.indexOf("?share=") + "?share=".length());
    }

    private JsonNode check(String key, String type, String id) {
        return app.ok(app.post("/v1/permissions/check", alice, "{\"items\":[{\"shareLink\":" + TestApp.quote(key)
                + ",\"resource\":{\"type\":\"" + type + "\",\"id\":\"" + id + "\"}}]}"), 200).get("items").get(0);
    }

    @Test
    void aLinkHasGitBooksShapeAndIsListedWithItsUrl() {
        TestApp.Res r = app.post(links, alice, "{\"name\":\"Reviewers\"}");
        JsonNode link = app.ok(r, 201);
        assertThat(link.get("object").asText()).isEqualTo("share-link");
        assertThat(link.get("name").asText()).isEqualTo("Reviewers");
        assertThat(link.get("active").asBoolean()).isTrue();
        assertThat(link.get("createdAt").asText()).isNotEmpty();
        assertThat(link.get("urls").get("published").asText()).contains("/published/sites/" + site + "?share=");
        assertThat(r.headers().get("Location")).containsExactly(link.get("urls").get("location").asText());
        JsonNode list = app.ok(app.get(links, alice), 200);
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0)).isEqualTo(link);
        assertThat(app.ok(app.get(links + "?search=review", alice), 200).get("items")).hasSize(1);
        assertThat(app.ok(app.get(links + "?search=" + key(link), alice), 200).get("items")).hasSize(1);
        assertThat(app.ok(app.get(links + "?search=nobody", alice), 200).get("items")).isEmpty();
    }

    @Test
    void aLinkReadsItsSiteAndThePublishedSpacesOnly() {
        String key = key(create("Preview"));
        assertThat(check(key, "site", site).get("permission").asText()).isEqualTo("read");
        JsonNode space = check(key, "space", published);
        assertThat(space.get("permission").asText()).isEqualTo("read");
        assertThat(space.get("allowed").asBoolean()).isTrue();
        assertThat(check(key, "space", unpublished).get("allowed").asBoolean()).isFalse();
        JsonNode edit = app.ok(app.post("/v1/permissions/check", alice, "{\"items\":[{\"shareLink\":\"" + key
                + "\",\"resource\":{\"type\":\"space\",\"id\":\"" + published + "\"},\"role\":\"edit\"}]}"), 200)
                .get("items").get(0);
        assertThat(edit.get("allowed").asBoolean()).isFalse();
        String collection = app.collection(org, alice, "{\"title\":\"C\"}");
        assertThat(check(key, "collection", collection).get("allowed").asBoolean()).isFalse();
        // A link of another site reads nothing of this one.
        String other = app.ok(app.post("/v1/orgs/" + org + "/sites", alice, "{\"title\":\"Other\"}"), 201).get("id").asText();
        assertThat(check(key, "site", other).get("allowed").asBoolean()).isFalse();
    }

    @Test
    void deactivatedDeletedAndForgedLinksReadNothingAtOnce() {
        JsonNode link = create("Preview");
        String key = key(link);
        String id = link.get("id").asText();
        JsonNode off = app.ok(app.patch(links + "/" + id, alice, "{\"active\":false}"), 200);
        assertThat(off.get("active").asBoolean()).isFalse();
        assertThat(check(key, "site", site).get("allowed").asBoolean()).isFalse();
        JsonNode explained = app.ok(app.get("/v1/orgs/" + org + "/sites/" + site + "/permissions/share-links/" + id
                + "/explain", alice), 200);
        assertThat(explained.get("steps").get(0).get("rule").asText()).isEqualTo("inactive");
        app.ok(app.patch(links + "/" + id, alice, "{\"active\":true,\"name\":\"Again\"}"), 200);
        assertThat(check(key, "site", site).get("allowed").asBoolean()).isTrue();
        assertThat(app.ok(app.get("/v1/spaces/" + published + "/permissions/share-links/" + id + "/explain", alice), 200)
                .get("steps").get(0).get("rule").asText()).isEqualTo("published-space");

        String forged = id + "." + "A".repeat(43);
        assertThat(check(forged, "site", site).get("allowed").asBoolean()).isFalse();
        assertThat(check(id, "site", site).get("allowed").asBoolean()).as("the id is not the key").isFalse();
        assertThat(check("not-a-key", "site", site).get("permission").isNull()).isTrue();

        assertThat(app.delete(links + "/" + id, alice).status()).isEqualTo(205);
        assertThat(check(key, "site", site).get("allowed").asBoolean()).isFalse();
        assertThat(app.delete(links + "/" + id, alice).status()).isEqualTo(204);
        assertThat(app.ok(app.get(links, alice), 200).get("items")).isEmpty();
    }

    @Test
    void deletingTheSiteTakesItsLinks() {
        String key = key(create("Preview"));
        assertThat(app.delete("/v1/orgs/" + org + "/sites/" + site, alice).status()).isEqualTo(205);
        assertThat((int) app.reads().read(w -> w.shareLinks(site).size())).isZero();
        assertThat(check(key, "space", published).get("allowed").asBoolean()).isFalse();
    }

    @Test
    void onlyWhoeverAdministersTheSiteManagesItsLinksAndRefusalsChangeNothing() {
        String id = create("Preview").get("id").asText();
        String carol = app.user("carol");
        long before = app.revision();
        assertError(app.get(links, bob), 403, "admin");
        assertError(app.post(links, bob, "{\"name\":\"Mine\"}"), 403, "admin");
        assertError(app.patch(links + "/" + id, bob, "{\"active\":false}"), 403, "admin");
        assertError(app.delete(links + "/" + id, bob), 403, "admin");
        assertError(app.get(links, carol), 404, "organization");
        assertError(app.post(links, carol, "{\"name\":\"x\"}"), 404, "organization");
        assertError(app.post(links, alice, "{}"), 400, "name");
        assertError(app.post(links, alice, "{\"name\":" + TestApp.quote("x".repeat(51)) + "}"), 400, "50");
        assertError(app.post(links, alice, "{\"name\":7}"), 400, "name");
        assertError(app.patch(links + "/" + id, alice, "{}"), 400, "active");
        assertError(app.patch(links + "/" + id, alice, "{\"active\":\"no\"}"), 400, "active");
        assertError(app.patch(links + "/nope", alice, "{\"active\":false}"), 404, "share link");
        assertError(app.post("/v1/permissions/check", alice, "{\"items\":[{\"shareLink\":\"k\",\"user\":\"alice\","
                + "\"resource\":{\"type\":\"site\",\"id\":\"" + site + "\"}}]}"), 400, "shareLink");
        assertError(app.post("/v1/permissions/check", alice, "{\"items\":[{\"shareLink\":5,"
                + "\"resource\":{\"type\":\"site\",\"id\":\"" + site + "\"}}]}"), 400, "shareLink");
        assertThat(app.revision()).isEqualTo(before);
    }

    @Test
    void aReplayedCreationWithholdsTheKey() {
        var first = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.origin() + links))
                .header("Authorization", "Bearer " + alice).header("Idempotency-Key", "link-1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"Once\"}")).build());
        assertThat(first.status()).isEqualTo(201);
        var again = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.origin() + links))
                .header("Authorization", "Bearer " + alice).header("Idempotency-Key", "link-1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"Once\"}")).build());
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(again.text()).doesNotContain(key(first.json()));
        assertThat(again.json().get("withheld").get(0).asText()).isEqualTo("urls.published");
        assertThat(app.ok(app.get(links, alice), 200).get("items").get(0).get("urls").get("published").asText())
                .contains(key(first.json()));
    }
}
