package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Team;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random SCIM call sequences (seeded) against one organization leave its members and teams exactly as a
 * plain model of them says: who is a member and whether they are enabled, each user's userName, displayName
 * and externalId, each team's name, externalId and members. Each call's status is predicted by the model too,
 * refusals included; the model is checked against the index itself and against what SCIM lists.
 */
class ScimOracleTest {
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final int STEPS = 120;

    @TempDir
    Path dir;

    /** The model: plain maps, no rules beyond those of the SCIM mapping. */
    record ModelUser(String userName, String displayName, String externalId, boolean active) { }

    record ModelGroup(String displayName, String externalId, Set<String> members) { }

    @Test
    void randomSequencesLeaveMembersAndTeamsAsTheModelSays() {
        for (long seed : new long[] {1, 2, 3}) {
            Path d = dir.resolve("seed-" + seed);
            try (TestApp app = TestApp.start(d)) {
                run(app, new Random(seed), seed);
            }
        }
    }

    private void run(TestApp app, Random rnd, long seed) {
        ScimClient scim = ScimClient.connect(app, "admin");
        Map<String, ModelUser> users = new TreeMap<>();
        Map<String, ModelGroup> groups = new TreeMap<>();
        users.put("admin", new ModelUser("admin@example.com", "admin", null, true));
        String[] names = {"ann", "ben", "cat", "dan", "eve", "fay", "gus", "hal"};
        for (int step = 0; step < STEPS; step++) {
            String at = "seed " + seed + " step " + step;
            int op = rnd.nextInt(9);
            switch (op) {
                case 0, 1 -> {
                    String local = names[rnd.nextInt(names.length)];
                    String userName = rnd.nextBoolean() ? local + "@example.com" : local.toUpperCase() + "@Example.com";
                    String ext = "ext-" + rnd.nextInt(1000);
                    ScimClient.Res r = scim.post("Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName
                            + "\",\"displayName\":\"" + local + " " + step + "\",\"externalId\":\"" + ext + "\"}");
                    boolean taken = users.values().stream().anyMatch(u -> u.userName().equalsIgnoreCase(userName));
                    assertThat(r.status()).as(at + " " + r).isEqualTo(taken ? 409 : 201);
                    if (!taken) {
                        users.put(r.json().get("id").asText(), new ModelUser(userName.toLowerCase(), local + " " + step, ext, true));
                    }
                }
                case 2 -> {
                    String id = pick(rnd, users.keySet(), "nobody");
                    boolean active = rnd.nextBoolean();
                    ScimClient.Res r = scim.patch("Users/" + id, "{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[{\"op\":"
                            + "\"replace\",\"value\":{\"active\":" + active + "}}]}");
                    ModelUser u = users.get(id);
                    int expected = u == null ? 404 : id.equals("admin") && !active ? 409 : 200;
                    assertThat(r.status()).as(at + " " + r).isEqualTo(expected);
                    if (expected == 200) {
                        users.put(id, new ModelUser(u.userName(), u.displayName(), u.externalId(), active));
                    }
                }
                case 3 -> {
                    String id = pick(rnd, users.keySet(), "nobody");
                    ModelUser u = users.get(id);
                    String display = "renamed " + step;
                    ScimClient.Res r = scim.put("Users/" + id, "{\"schemas\":[\"" + USER + "\"],\"userName\":\""
                            + (u == null ? "x@example.com" : u.userName()) + "\",\"displayName\":\"" + display
                            + "\",\"externalId\":\"put-" + step + "\",\"active\":" + (u == null || u.active()) + "}");
                    assertThat(r.status()).as(at + " " + r).isEqualTo(u == null ? 404 : 200);
                    if (u != null) {
                        users.put(id, new ModelUser(u.userName(), display, "put-" + step, u.active()));
                    }
                }
                case 4 -> {
                    String id = pick(rnd, users.keySet(), "nobody");
                    ScimClient.Res r = scim.delete("Users/" + id);
                    int expected = !users.containsKey(id) ? 404 : id.equals("admin") ? 409 : 204;
                    assertThat(r.status()).as(at + " " + r).isEqualTo(expected);
                    if (expected == 204) {
                        users.remove(id);
                        groups.values().forEach(g -> g.members().remove(id));
                    }
                }
                case 5 -> {
                    Set<String> members = subset(rnd, users.keySet());
                    boolean ghost = rnd.nextInt(5) == 0;
                    List<String> sent = new ArrayList<>(members);
                    if (ghost) {
                        sent.add("ghost-" + step);
                    }
                    String name = "team " + rnd.nextInt(5);
                    ScimClient.Res r = scim.post("Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"" + name
                            + "\",\"externalId\":\"g-" + step + "\",\"members\":" + values(sent) + "}");
                    assertThat(r.status()).as(at + " " + r).isEqualTo(ghost ? 400 : 201);
                    if (!ghost) {
                        groups.put(r.json().get("id").asText(), new ModelGroup(name, "g-" + step, new TreeSet<>(members)));
                    }
                }
                case 6 -> {
                    String gid = pick(rnd, groups.keySet(), "nogroup");
                    String uid = pick(rnd, users.keySet(), "nobody");
                    boolean add = rnd.nextBoolean();
                    String body = add
                            ? "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + uid + "\"}]}"
                            : "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + uid + "\\\"]\"}";
                    ScimClient.Res r = scim.patch("Groups/" + gid, "{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[" + body + "]}");
                    ModelGroup g = groups.get(gid);
                    int expected = g == null ? 404 : add && !users.containsKey(uid) ? 400 : 200;
                    assertThat(r.status()).as(at + " " + r).isEqualTo(expected);
                    if (expected == 200) {
                        if (add) {
                            g.members().add(uid);
                        } else {
                            g.members().remove(uid);
                        }
                    }
                }
                case 7 -> {
                    String gid = pick(rnd, groups.keySet(), "nogroup");
                    Set<String> members = subset(rnd, users.keySet());
                    String name = "put team " + step;
                    ScimClient.Res r = scim.put("Groups/" + gid, "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"" + name
                            + "\",\"members\":" + values(new ArrayList<>(members)) + "}");
                    assertThat(r.status()).as(at + " " + r).isEqualTo(groups.containsKey(gid) ? 200 : 404);
                    if (groups.containsKey(gid)) {
                        groups.put(gid, new ModelGroup(name, null, new TreeSet<>(members)));
                    }
                }
                default -> {
                    String gid = pick(rnd, groups.keySet(), "nogroup");
                    ScimClient.Res r = scim.delete("Groups/" + gid);
                    assertThat(r.status()).as(at + " " + r).isEqualTo(groups.containsKey(gid) ? 204 : 404);
                    groups.remove(gid);
                }
            }
            if (step % 20 == 19 || step == STEPS - 1) {
                check(app, scim, users, groups, at);
            }
        }
    }

    private static void check(TestApp app, ScimClient scim, Map<String, ModelUser> users, Map<String, ModelGroup> groups, String at) {
        String org = scim.orgId;
        // The index: members, their enabled state and emails; teams and their members.
        Map<String, ModelUser> indexUsers = app.reads().read(w -> {
            Map<String, ModelUser> out = new TreeMap<>();
            for (Member m : w.members(org).values()) {
                out.put(m.userId(), new ModelUser(w.user(m.userId()).email(), null, null, !m.disabled()));
            }
            return out;
        });
        Map<String, ModelUser> expectedIndex = new TreeMap<>();
        users.forEach((id, u) -> expectedIndex.put(id, new ModelUser(u.userName(), null, null, u.active())));
        assertThat(indexUsers).as(at).isEqualTo(expectedIndex);
        Map<String, ModelGroup> indexTeams = app.reads().read(w -> {
            Map<String, ModelGroup> out = new TreeMap<>();
            for (Team t : w.teams(org).values()) {
                out.put(t.id(), new ModelGroup(t.title(), null, new TreeSet<>(w.teamMembers(t.id()).keySet())));
            }
            return out;
        });
        Map<String, ModelGroup> expectedTeams = new TreeMap<>();
        groups.forEach((id, g) -> expectedTeams.put(id, new ModelGroup(g.displayName(), null, new TreeSet<>(g.members()))));
        assertThat(indexTeams).as(at).isEqualTo(expectedTeams);

        // SCIM: every attribute the model keeps.
        Map<String, ModelUser> listed = new TreeMap<>();
        for (JsonNode u : ScimClient.ok(scim.get("Users?count=1000"), 200).path("Resources")) {
            listed.put(u.get("id").asText(), new ModelUser(u.get("userName").asText(), u.get("displayName").asText(),
                    u.hasNonNull("externalId") ? u.get("externalId").asText() : null, u.get("active").asBoolean()));
        }
        assertThat(listed).as(at).isEqualTo(users);
        Map<String, ModelGroup> listedGroups = new TreeMap<>();
        for (JsonNode g : ScimClient.ok(scim.get("Groups?count=1000"), 200).path("Resources")) {
            Set<String> members = new TreeSet<>();
            g.path("members").forEach(m -> members.add(m.get("value").asText()));
            listedGroups.put(g.get("id").asText(), new ModelGroup(g.get("displayName").asText(),
                    g.hasNonNull("externalId") ? g.get("externalId").asText() : null, members));
        }
        Map<String, ModelGroup> expectedGroups = new TreeMap<>();
        groups.forEach((id, g) -> expectedGroups.put(id, new ModelGroup(g.displayName(), g.externalId(), new TreeSet<>(g.members()))));
        assertThat(listedGroups).as(at).isEqualTo(expectedGroups);
    }

    private static String pick(Random rnd, Set<String> ids, String missing) {
        if (ids.isEmpty() || rnd.nextInt(8) == 0) {
            return missing;
        }
        return new ArrayList<>(ids).get(rnd.nextInt(ids.size()));
    }

    private static Set<String> subset(Random rnd, Set<String> ids) {
        Set<String> out = new TreeSet<>();
        for (String id : ids) {
            if (rnd.nextInt(3) == 0) {
                out.add(id);
            }
        }
        return out;
    }

    private static String values(List<String> ids) {
        StringBuilder b = new StringBuilder("[");
        for (String id : ids) {
            b.append(b.length() > 1 ? "," : "").append("{\"value\":\"").append(id).append("\"}");
        }
        return b.append(']').toString();
    }
}
