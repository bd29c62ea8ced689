package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitBook's rate-limit headers and 429 over HTTP, on a clock the test moves. */
class RateLimitApiTest {
    private static final int BURST = 5;
    private final AtomicLong nanos = new AtomicLong(0);
    @TempDir
    Path dir;
    private TestApp app;
    private String alice;

    @BeforeEach
    void start() {
        // 60 a minute (one a second), bursts of 5; the system token is exempt, as by default.
        app = TestApp.start(dir, new RateLimits(60, BURST, 60, BURST, false, 1000), nanos::get);
        alice = app.user("alice");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void theNthPassesTheNextIs429WithRetryAfterAndARefillLetsItThroughAgain() {
        for (int i = 1; i <= BURST; i++) {
            TestApp.Res r = app.get("/v1/user", alice);
            assertThat(r.status()).as("request %d", i).isEqualTo(200);
            assertThat(r.header("X-RateLimit-Limit")).isEqualTo("5");
            assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(BURST - i));
            assertThat(Long.parseLong(r.header("X-RateLimit-Reset"))).isGreaterThanOrEqualTo(System.currentTimeMillis() / 1000);
        }
        TestApp.Res refused = app.get("/v1/user", alice);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("error").get("code").asInt()).isEqualTo(429);
        assertThat(app.services().metrics().rateLimitRefusals().count()).as("counted for /metrics").isEqualTo(1.0);
        assertThat(refused.json().get("error").get("message").asText()).contains("rate limit");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("5");
        assertThat(refused.header("X-RateLimit-Reset")).isNotNull();
        // Writes have their own bucket.
        assertThat(app.post("/v1/users/alice/tokens", alice, "{}").status()).isNotEqualTo(429);

        nanos.addAndGet(1_000_000_000L);
        assertThat(app.get("/v1/user", alice).status()).isEqualTo(200);
        assertThat(app.get("/v1/user", alice).status()).isEqualTo(429);
    }

    @Test
    void everyV1AnswerCarriesTheHeadersErrorsToo() {
        for (TestApp.Res r : new TestApp.Res[] {app.get("/v1/user", alice), app.get("/v1/orgs/nope", alice),
                app.get("/v1/no-such-endpoint", alice), app.get("/v1/user", "not-a-token"), app.get("/v1/user", null),
                app.post("/v1/orgs", alice, "not json")}) {
            assertThat(r.header("X-RateLimit-Limit")).as(r.toString()).isNotNull();
            assertThat(r.header("X-RateLimit-Remaining")).as(r.toString()).isNotNull();
            assertThat(r.header("X-RateLimit-Reset")).as(r.toString()).isNotNull();
        }
    }

    @Test
    void requestsWithoutAValidTokenAreLimitedPerAddress() {
        for (int i = 0; i < BURST; i++) {
            String token = i % 2 == 0 ? null : "guess-" + i;
            assertThat(app.get("/v1/user", token).status()).isEqualTo(401);
        }
        TestApp.Res refused = app.get("/v1/user", "another-guess");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        // A valid token has a bucket of its own, and the system token is not limited.
        assertThat(app.get("/v1/user", alice).status()).isEqualTo(200);
        for (int i = 0; i < BURST * 3; i++) {
            assertThat(app.get("/v1/users/alice", TestApp.SYSTEM).status()).isEqualTo(200);
        }
    }
}
