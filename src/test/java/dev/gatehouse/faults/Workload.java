package dev.gatehouse.faults;

import dev.gatehouse.engine.World;
import dev.gatehouse.model.ResourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The world a round writes to, built through the API, and the slots each writer owns in it: two members'
 * roles, grants on a collection, two spaces and a page, a team membership and a space title, plus teams
 * and spaces it creates as it goes. No two writers share a slot.
 */
final class Workload {
    final String org;
    final String readPath;
    private final List<List<Slot>> owned = new ArrayList<>();
    /** Every slot, in the order it appeared, the created ones too. */
    private final List<Slot> all = new CopyOnWriteArrayList<>();
    private final String tag;

    private Workload(String org, String readPath, String tag) {
        this.org = org;
        this.readPath = readPath;
        this.tag = tag;
    }

    static Workload build(Api api, int writers, Random random) {
        String tag = Long.toString(random.nextLong() & 0xffffffL, 36);
        api.expect(201, "POST", "/v1/users", user("owner"));
        String org = api.expect(201, "POST", "/v1/orgs", "{\"title\":\"Faults\",\"admin\":\"owner\"}").get("id").asText();
        String coll = api.expect(201, "POST", "/v1/orgs/" + org + "/collections", "{\"title\":\"Shelf\"}").get("id").asText();
        String s1 = api.expect(201, "POST", "/v1/orgs/" + org + "/spaces",
                "{\"title\":\"One\",\"parent\":\"" + coll + "\"}").get("id").asText();
        String s2 = api.expect(201, "POST", "/v1/orgs/" + org + "/spaces", "{\"title\":\"Two\"}").get("id").asText();
        String page = api.expect(201, "POST", "/v1/spaces/" + s1 + "/pages", "{\"title\":\"Leaf\"}").get("id").asText();
        Workload w = new Workload(org, "/v1/spaces/" + s1 + "/permissions/users/owner/explain", tag);
        StringBuilder emails = new StringBuilder();
        for (int i = 0; i < writers; i++) {
            for (String u : List.of("w" + i + "a", "w" + i + "b")) {
                api.expect(201, "POST", "/v1/users", user(u));
                emails.append(emails.length() == 0 ? "" : ",").append("{\"email\":\"").append(u)
                        .append("@example.com\",\"role\":\"read\"}");
            }
        }
        api.expect(200, "POST", "/v1/orgs/" + org + "/invites", "{\"emails\":[" + emails + "]}");
        for (int i = 0; i < writers; i++) {
            String a = "w" + i + "a";
            String b = "w" + i + "b";
            for (String u : List.of(a, b)) {
                api.expect(200, "PATCH", "/v1/orgs/" + org + "/members/" + u, "{\"role\":\"read\"}");
            }
            String team = api.expect(201, "PUT", "/v1/orgs/" + org + "/teams", "{\"title\":\"T" + i + "\",\"members\":[]}")
                    .get("id").asText();
            String mine = api.expect(201, "POST", "/v1/orgs/" + org + "/spaces", "{\"title\":\"own" + i + "\"}").get("id").asText();
            w.own(List.of(new Slot.MemberRole(org, a), new Slot.MemberRole(org, b),
                    new Slot.UserGrant(ResourceRef.collection(coll), "/v1/collections/" + coll, a),
                    new Slot.UserGrant(ResourceRef.space(s1), "/v1/spaces/" + s1, a),
                    new Slot.UserGrant(ResourceRef.space(s2), "/v1/spaces/" + s2, b),
                    new Slot.UserGrant(ResourceRef.page(page), "/v1/spaces/" + s1 + "/pages/" + page, b),
                    new Slot.TeamMember(org, team, a),
                    new Slot.SpaceTitle(mine, "own" + i)));
        }
        return w;
    }

    private static String user(String id) {
        return "{\"id\":\"" + id + "\",\"displayName\":\"" + id + "\",\"email\":\"" + id + "@example.com\"}";
    }

    private void own(List<Slot> slots) {
        owned.add(slots);
        all.addAll(slots);
    }

    int writers() {
        return owned.size();
    }

    /** The slot writer {@code w} sets next: one of its own, or now and then a new team or space. */
    Slot next(int w, Random random, int serial) {
        int roll = random.nextInt(16);
        if (roll < 2) {
            Slot created = new Slot.Created(org, roll == 0, tag + "-w" + w + "-" + serial);
            all.add(created);
            return created;
        }
        List<Slot> mine = owned.get(w);
        return mine.get(random.nextInt(mine.size()));
    }

    /** A new space with a unique title, for the write that shows the node heals. */
    Slot probe(int serial) {
        Slot created = new Slot.Created(org, false, tag + "-probe-" + serial);
        all.add(created);
        return created;
    }

    /** Every slot's value in a world. */
    Map<String, String> values(World world) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Slot s : all) {
            out.put(s.key, s.read(world));
        }
        return out;
    }

    /** Each slot with an acknowledged write, and the revision the last one answered. */
    Map<Slot, Long> lastAcknowledged(List<Attempt> attempts) {
        Map<String, List<Attempt>> byKey = Rules.byKey(attempts);
        Map<Slot, Long> out = new LinkedHashMap<>();
        for (Slot s : all) {
            Attempt ack = Rules.lastAcknowledged(byKey.getOrDefault(s.key, List.of()));
            if (ack != null) {
                out.put(s, ack.revision());
            }
        }
        return out;
    }

    Map<String, String> initials() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Slot s : all) {
            out.put(s.key, s.initial);
        }
        return out;
    }
}
