package dev.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SCIM provisioning throughput per organization, against a running server (the built jar, its own SQLite
 * directory): two organizations, each first given {@value #SEEDED} users through SCIM, then driven at once by
 * {@value #CLIENTS} clients each, every client repeating an identity provider's provisioning cycle of eight
 * requests (look the user up by userName, create them, get them, rename them by PATCH, add them to a group,
 * deactivate them by Okta's PATCH, list a page of users, look the group up by displayName). Every write is a
 * committed revision. Reports each organization's requests a second and latencies; Entra's gallery asks for
 * 25 a second sustained. {@code GATEHOUSE_BENCH_SECONDS} (default 30) is how long the load runs.
 */
final class ScimBenchmark {
    private static final String TOKEN = "bench-system-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final int SEEDED = 1000;
    static final int CLIENTS = 4;
    private static final double TARGET = 25;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;

    private ScimBenchmark(String url) {
        this.url = url;
    }

    static String run(String machine, String command) throws Exception {
        int seconds = Integer.parseInt(System.getenv().getOrDefault("GATEHOUSE_BENCH_SECONDS", "30"));
        Path data = Path.of("target", "bench-data", "scim");
        if (Files.exists(data)) {
            try (var walk = Files.walk(data)) {
                walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(data);
        try (ServerProcess server = ServerProcess.start(BenchData.jar(), data, TOKEN)) {
            ScimBenchmark b = new ScimBenchmark(server.url());
            List<Org> orgs = List.of(b.org("a"), b.org("b"));
            long seedStart = System.nanoTime();
            for (Org o : orgs) {
                for (int i = 0; i < SEEDED; i++) {
                    b.expect(b.scim(o, "POST", "Users", user("seed" + i + "@" + o.name + ".example.com")), 201);
                }
            }
            double seedRate = 2.0 * SEEDED / ((System.nanoTime() - seedStart) / 1e9);
            say("seeded " + SEEDED + " users in each organization, " + Math.round(seedRate) + " creates/s one at a time");
            String loadBefore = loadAverage();
            ExecutorService pool = Executors.newFixedThreadPool(orgs.size() * CLIENTS);
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            List<List<Future<List<Long>>>> futures = new ArrayList<>();
            AtomicInteger serial = new AtomicInteger();
            for (Org o : orgs) {
                List<Future<List<Long>>> perOrg = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    perOrg.add(pool.submit(() -> b.cycles(o, deadline, serial)));
                }
                futures.add(perOrg);
            }
            StringBuilder md = new StringBuilder();
            md.append("\n## ").append(LocalDate.now()).append(" — SCIM provisioning\n\n");
            md.append(machine).append(" Command: `").append(command).append("`. Two organizations of ").append(SEEDED)
                    .append(" SCIM users each, driven at once by ").append(CLIENTS).append(" clients each for ")
                    .append(seconds).append(" s; each client repeats an identity provider's cycle of eight requests ")
                    .append("(filter by userName, create, get, PATCH displayName, PATCH group members, Okta's PATCH of ")
                    .append("active, a page of 100 users, filter groups by displayName), five of them writes.\n\n");
            md.append("| organization | requests | requests/s | p50 ms | p99 ms | target |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
            for (int i = 0; i < orgs.size(); i++) {
                List<Long> all = new ArrayList<>();
                for (Future<List<Long>> f : futures.get(i)) {
                    all.addAll(f.get());
                }
                Collections.sort(all);
                double rate = all.size() / (double) seconds;
                md.append(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %.1f | %.1f | %s %.0f/s |%n", orgs.get(i).name,
                        all.size(), rate, all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6,
                        rate >= TARGET ? "met:" : "MISSED:", TARGET));
            }
            pool.shutdown();
            md.append(String.format(Locale.ROOT, "%nSeeding, one create at a time from one client: %.0f creates/s. "
                    + "Load average (1, 5, 15 min) before the load: %s; after: %s (this machine is shared).%n", seedRate,
                    loadBefore, loadAverage()));
            return md.toString();
        }
    }

    private record Org(String name, String id, String token, String groupId) {
    }

    private Org org(String name) throws IOException, InterruptedException {
        String admin = "admin-" + name;
        expect(v1("POST", "/v1/users", TOKEN, "{\"id\":\"" + admin + "\",\"displayName\":\"" + admin + "\",\"email\":\"" + admin
                + "@example.com\"}"), 201);
        String org = json(expect(v1("POST", "/v1/orgs", TOKEN, "{\"title\":\"Org " + name + "\",\"admin\":\"" + admin + "\"}"), 201))
                .get("id").asText();
        String adminToken = json(expect(v1("POST", "/v1/users/" + admin + "/tokens", TOKEN, "{}"), 201)).get("token").asText();
        String scim = json(expect(v1("POST", "/v1/orgs/" + org + "/scim-tokens", adminToken, "{\"label\":\"bench\"}"), 201))
                .get("token").asText();
        Org partial = new Org(name, org, scim, null);
        String group = json(expect(scim(partial, "POST", "Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"Everyone "
                + name + "\"}"), 201)).get("id").asText();
        return new Org(name, org, scim, group);
    }

    /** One client's cycles until the deadline: the latency of every request, in nanoseconds. */
    private List<Long> cycles(Org o, long deadline, AtomicInteger serial) throws IOException, InterruptedException {
        List<Long> latencies = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String email = "u" + serial.incrementAndGet() + "@" + o.name + ".example.com";
            timed(latencies, o, "GET", "Users?filter=" + q("userName eq \"" + email + "\""), null, 200);
            String id = json(timed(latencies, o, "POST", "Users", user(email), 201)).get("id").asText();
            timed(latencies, o, "GET", "Users/" + id, null, 200);
            timed(latencies, o, "PATCH", "Users/" + id, patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Renamed\"}"), 200);
            timed(latencies, o, "PATCH", "Groups/" + o.groupId, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                    + id + "\"}]}"), 200);
            timed(latencies, o, "PATCH", "Users/" + id, patch("{\"op\":\"replace\",\"value\":{\"active\":false}}"), 200);
            timed(latencies, o, "GET", "Users?startIndex=1&count=100", null, 200);
            timed(latencies, o, "GET", "Groups?excludedAttributes=members&filter=" + q("displayName eq \"Everyone " + o.name + "\""),
                    null, 200);
        }
        return latencies;
    }

    private HttpResponse<String> timed(List<Long> latencies, Org o, String method, String resource, String body, int status)
            throws IOException, InterruptedException {
        long t = System.nanoTime();
        HttpResponse<String> r = scim(o, method, resource, body);
        latencies.add(System.nanoTime() - t);
        return expect(r, status);
    }

    private HttpResponse<String> scim(Org o, String method, String resource, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + "/scim/v2/orgs/" + o.id + "/" + resource))
                .header("Authorization", "Bearer " + o.token).header("Content-Type", "application/scim+json")
                .timeout(Duration.ofSeconds(30));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> v1(String method, String path, String token, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.request().uri() + ": expected " + status + ", got "
                    + r.statusCode() + " " + r.body());
        }
        return r;
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    private static String user(String email) {
        return "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + email + "\",\"name\":{\"givenName\":\"G\",\"familyName\":\"F\"},"
                + "\"emails\":[{\"primary\":true,\"value\":\"" + email + "\",\"type\":\"work\"}],\"active\":true}";
    }

    private static String patch(String op) {
        return "{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[" + op + "]}";
    }

    private static String q(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The machine's load average, which says how much else shared the two cores (Linux; "n/a" elsewhere). */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static void say(String line) {
        System.out.println("[scim] " + line);
    }
}
