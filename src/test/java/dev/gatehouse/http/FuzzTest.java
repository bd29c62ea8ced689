package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * At least 100,000 random requests ({@link FuzzRequests}) over every route of {@code /v1/openapi.json},
 * on keep-alive connections from several threads, with valid and invalid tokens. Whatever is sent, the
 * answer is whole, never a 5xx (no shedding: the threads are far fewer than the caps), in the error
 * format for every status from 400, and carries X-Gatehouse-Revision. The seed is printed;
 * {@code -Dgatehouse.seed=N} replays a run (each thread's requests depend on the seed alone, though their
 * interleaving does not).
 */
class FuzzTest {
    private static final int REQUESTS = 100_000;
    private static final int THREADS = 4;
    private static final int KEPT = 30;

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void noRequestGetsAServerErrorOrAnAnswerOutsideTheFormat() throws Exception {
        long seed = Long.getLong("gatehouse.seed", System.nanoTime());
        System.out.println("FuzzTest seed " + seed + " (replay with -Dgatehouse.seed=" + seed + ")");
        try (TestApp app = TestApp.start(dir)) {
            Map<String, String> ids = world(app);
            List<String> tokens = List.of(TestApp.SYSTEM, app.token("alice"), app.token("bob"));
            JsonNode openApi = app.ok(app.get(OpenApi.PATH, null), 200);
            FuzzRequests requests = new FuzzRequests(openApi, ids, tokens);
            assertThat(requests.routes()).hasSizeGreaterThan(80);

            int port = app.javalin().port();
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger closedBetween = new AtomicInteger();
            Queue<String> examples = new ConcurrentLinkedQueue<>();
            java.util.Set<String> kinds = java.util.concurrent.ConcurrentHashMap.newKeySet();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(seed + t);
                Thread thread = new Thread(() -> run(port, requests, random, sent, failed, closedBetween, examples, kinds), "fuzz-" + t);
                thread.start();
                threads.add(thread);
            }
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("FuzzTest: %d requests over %d routes in %.1f s (%.0f requests/s), %d failed, %d sent again after "
                    + "a keep-alive connection closed between requests, seed %d%n", sent.get(), requests.routes().size(), seconds,
                    sent.get() / seconds, failed.get(), closedBetween.get(), seed);
            examples.forEach(e -> System.out.println("  " + e));
            assertThat(sent.get()).isGreaterThanOrEqualTo(REQUESTS);
            assertThat(failed.get()).as("failed answers, for example: " + examples).isZero();
            assertThat(closedBetween.get()).as("keep-alive connections the server closed between requests").isLessThan(10);
        }
    }

    private static void run(int port, FuzzRequests requests, Random random, AtomicInteger sent, AtomicInteger failed,
                            AtomicInteger closedBetween, Queue<String> examples, java.util.Set<String> kinds) {
        RawHttp c = null;
        String previous = "";
        while (sent.getAndIncrement() < REQUESTS) {
            FuzzRequests.Sent s = requests.next(random);
            String problem;
            try {
                boolean reused = c != null;
                if (c == null) {
                    c = new RawHttp(port, 20_000);
                    previous = "(a new connection)";
                }
                RawHttp.Answer a;
                try {
                    c.send(s.bytes());
                    a = c.read(s.head());
                } catch (RawHttp.ClosedBeforeAnswer | java.net.SocketException closed) {
                    if (!reused) {
                        throw closed;
                    }
                    // A server may close an idle keep-alive connection between two requests (RFC 9112, 9.6), and
                    // the client then sends again on a new one; counted, and bounded below.
                    if (closedBetween.incrementAndGet() <= 3) {
                        System.out.println("  closed between requests, after: " + previous);
                    }
                    c.close();
                    c = new RawHttp(port, 20_000);
                    c.send(s.bytes());
                    a = c.read(s.head());
                }
                problem = check(a, s.head());
                previous = printable(s.bytes()) + " -> " + a;
                if (a.closes() || problem != null) {
                    c.close();
                    c = null;
                }
            } catch (IOException e) {
                problem = "no whole answer: " + e + "; before it on this connection: " + previous;
                if (c != null) {
                    c.close();
                }
                c = null;
            }
            if (problem != null) {
                failed.incrementAndGet();
                // One example of each kind of failure (its first words), so that a frequent one hides no other.
                String kind = problem.replaceAll("date=[^,}]*|x-gatehouse-revision=\\d+", "").substring(0, Math.min(70, problem.length()));
                if (examples.size() < KEPT && kinds.add(kind)) {
                    examples.add(printable(s.bytes()) + " -> " + problem);
                }
            }
        }
        if (c != null) {
            c.close();
        }
    }

    /** A request as text to read in a report: its first bytes, line ends and other odd bytes escaped. */
    private static String printable(byte[] request) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(request.length, 600); i++) {
            int b = request[i] & 0xff;
            sb.append(b == '\r' ? "\\r" : b == '\n' ? "\\n" : b >= 0x20 && b < 0x7f ? String.valueOf((char) b)
                    : String.format("\\x%02x", b));
        }
        return request.length > 600 ? sb + "...(" + request.length + " bytes)" : sb.toString();
    }

    /** What is wrong with an answer, or null; an answer to HEAD has no body to check. */
    private static String check(RawHttp.Answer a, boolean head) {
        if (a.status() >= 500) {
            return "a server error: " + a;
        }
        if (a.header(Http.REVISION_HEADER) == null) {
            return "no " + Http.REVISION_HEADER + ": " + a;
        }
        if (a.status() >= 400 && !head && !a.isErrorFormat()) {
            return "not in the error format: " + a;
        }
        return null;
    }

    /** Everything a path can name, one of each, with the ids the fuzzer puts in paths. */
    private static Map<String, String> world(TestApp app) {
        String alice = app.user("alice");
        app.user("bob");
        String org = app.org("Acme", "alice");
        app.member(org, "bob", "\"read\"");
        String team = app.team(org, alice, "T", "bob");
        String c = app.collection(org, alice, "{\"title\":\"C\"}");
        String s = app.space(org, alice, "{\"title\":\"S\",\"parent\":\"" + c + "\"}");
        String site = app.ok(app.post("/v1/orgs/" + org + "/sites", alice, "{\"title\":\"Site\",\"spaces\":[\"" + s + "\"]}"), 201)
                .get("id").asText();
        String siteSpace = app.ok(app.get("/v1/orgs/" + org + "/sites/" + site + "/site-spaces", alice), 200)
                .get("items").get(0).get("id").asText();
        String page = app.ok(app.post("/v1/spaces/" + s + "/pages", alice, "{\"title\":\"P\"}"), 201).get("id").asText();
        String tokenId = app.ok(app.get("/v1/users/bob/tokens", TestApp.SYSTEM), 200).get("items").get(0).get("id").asText();
        String webhook = app.ok(app.post("/v1/orgs/" + org + "/webhooks", alice,
                "{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"0123456789abcdef\"}"), 201).get("id").asText();
        String link = app.ok(app.post("/v1/orgs/" + org + "/sites/" + site + "/share-links", alice, "{\"name\":\"L\"}"), 201)
                .get("id").asText();
        String request = app.ok(app.post("/v1/spaces/" + s + "/access-requests", app.token("bob"), "{\"role\":\"edit\"}"),
                201).get("id").asText();
        String event = app.ok(app.get("/v1/orgs/" + org + "/audit-events?limit=1", alice), 200).get("items").get(0)
                .get("id").asText();
        String invite = app.ok(app.post("/v1/orgs/" + org + "/link-invites", alice, "{\"role\":\"read\"}"), 201)
                .get("id").asText();
        return Map.ofEntries(Map.entry("inviteId", invite), Map.entry("orgId", org), Map.entry("userId", "bob"), Map.entry("teamId", team),
                Map.entry("collectionId", c), Map.entry("spaceId", s), Map.entry("siteId", site),
                Map.entry("siteSpaceId", siteSpace), Map.entry("tokenId", tokenId), Map.entry("pageId", page),
                Map.entry("webhookId", webhook), Map.entry("auditEventId", event), Map.entry("shareLinkId", link),
                Map.entry("requestId", request));
    }
}
