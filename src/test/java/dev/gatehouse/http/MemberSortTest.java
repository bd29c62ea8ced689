package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The members list sorted by name ({@code sort=name}), beside the join order it has always had. */
class MemberSortTest {
    @TempDir
    Path dir;
    TestApp app;
    String admin;
    String org;

    /** Ids and display names, in the order they join: names that differ in case only, and one name twice. */
    private static final String[][] PEOPLE = {{"u5", "bob"}, {"u2", "Alice"}, {"u9", "carol"}, {"u1", "alice"},
            {"u3", "Bob"}, {"u8", "Dan"}, {"u4", "bob"}, {"u7", "Émile"}, {"u6", "Zoë"}};

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        admin = app.user("admin");
        org = app.org("Acme", "admin");
        for (String[] p : PEOPLE) {
            app.ok(app.post("/v1/users", TestApp.SYSTEM, "{\"id\":\"" + p[0] + "\",\"displayName\":" + TestApp.quote(p[1])
                    + ",\"email\":\"" + p[0] + "@example.com\"}"), 201);
            app.member(org, p[0], p[0].equals("u8") ? "null" : "\"read\"");
        }
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** Every member id of a query, following next.page. */
    private List<String> members(String query, int limit) {
        List<String> out = new ArrayList<>();
        String page = null;
        do {
            JsonNode body = app.ok(app.get("/v1/orgs/" + org + "/members?" + query + "&limit=" + limit
                    + (page == null ? "" : "&page=" + page), admin), 200);
            body.get("items").forEach(m -> out.add(m.get("id").asText()));
            page = body.path("next").path("page").asText(null);
        } while (page != null);
        return out;
    }

    @Test
    void byNameIgnoringCaseThenAsWrittenThenByUserIdAcrossPages() {
        // "admin" is the organization's first member, named after its id.
        List<String> ascending = List.of("admin", "u2", "u1", "u3", "u4", "u5", "u9", "u8", "u7", "u6");
        assertThat(members("sort=name&order=asc", 100)).isEqualTo(ascending);
        for (int limit : new int[] {1, 2, 3, 9}) {
            assertThat(members("sort=name&order=asc", limit)).as("limit " + limit).isEqualTo(ascending);
        }
        // GitBook's order defaults to desc, whatever the sort.
        List<String> descending = new ArrayList<>(ascending);
        java.util.Collections.reverse(descending);
        assertThat(members("sort=name", 100)).isEqualTo(descending);
        assertThat(members("sort=name&order=desc", 4)).isEqualTo(descending);
    }

    @Test
    void filtersApplyAsInJoinOrder() {
        assertThat(members("sort=name&order=asc&search=BOB", 2)).containsExactly("u3", "u4", "u5");
        assertThat(members("sort=name&order=asc&role=guest", 2)).containsExactly("u8");
        assertThat(members("sort=name&order=asc&role=admin", 2)).containsExactly("admin");
    }

    @Test
    void aPageFollowsOnFromWhereTheLastEndedWhileMembersJoin() {
        JsonNode first = app.ok(app.get("/v1/orgs/" + org + "/members?sort=name&order=asc&limit=4", admin), 200);
        // Someone who sorts before the cursor joins between the two pages: the next page does not move.
        app.ok(app.post("/v1/users", TestApp.SYSTEM, "{\"id\":\"u0\",\"displayName\":\"Aaron\",\"email\":\"u0@example.com\"}"), 201);
        app.member(org, "u0", "\"read\"");
        JsonNode second = app.ok(app.get("/v1/orgs/" + org + "/members?sort=name&order=asc&limit=4&page="
                + first.at("/next/page").asText(), admin), 200);
        List<String> ids = new ArrayList<>();
        second.get("items").forEach(m -> ids.add(m.get("id").asText()));
        assertThat(ids).containsExactly("u4", "u5", "u9", "u8");
    }

    @Test
    void joinOrderIsAsBeforeAndOtherSortsAndForeignCursorsAreRefused() {
        List<String> joined = new ArrayList<>(List.of("admin"));
        for (String[] p : PEOPLE) {
            joined.add(p[0]);
        }
        assertThat(members("sort=joinedAt&order=asc", 3)).isEqualTo(joined);
        assertThat(members("order=asc", 100)).isEqualTo(joined);
        for (String bad : List.of("lastSeenAt", "Name", "displayName", "")) {
            TestApp.Res r = app.get("/v1/orgs/" + org + "/members?sort=" + bad, admin);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().at("/error/message").asText()).contains("'sort'");
        }
        String byName = app.ok(app.get("/v1/orgs/" + org + "/members?sort=name&limit=2", admin), 200)
                .at("/next/page").asText();
        TestApp.Res r = app.get("/v1/orgs/" + org + "/members?sort=joinedAt&limit=2&page=" + byName, admin);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/message").asText()).contains("'page'");
    }
}
