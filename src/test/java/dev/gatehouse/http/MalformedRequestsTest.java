package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests broken below the JSON: framing Jetty refuses before any route runs, and bodies that are not
 * exactly one JSON object in UTF-8. Whatever is wrong, the answer is in the error format and carries the
 * revision, whatever the method.
 */
class MalformedRequestsTest {
    @TempDir
    Path dir;
    private TestApp app;
    private int port;

    @BeforeEach
    void setUp() {
        app = TestApp.start(dir);
        port = app.javalin().port();
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    private void assertRefused(RawHttp.Answer a, int status) {
        assertThat(a.status()).as(a.toString()).isEqualTo(status);
        assertThat(a.isErrorFormat()).as(a.toString()).isTrue();
        assertThat(a.header(Http.REVISION_HEADER)).as(a.toString())
                .isEqualTo(Long.toString(app.revision()));
    }

    private static String auth() {
        return "Authorization: Bearer " + TestApp.SYSTEM + "\r\n";
    }

    @Test
    void aMalformedChunkedBodyIs400() throws Exception {
        RawHttp.Answer a = RawHttp.exchange(port, "POST /v1/orgs HTTP/1.1\r\nHost: x\r\n" + auth()
                + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"tit\r\nZZ\r\nle\"\r\n0\r\n\r\n");
        assertRefused(a, 400);
        RawHttp.Answer oversized = RawHttp.exchange(port, "POST /v1/orgs HTTP/1.1\r\nHost: x\r\n" + auth()
                + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n");
        assertThat(oversized.status()).as(oversized.toString()).isBetween(400, 499);
        assertThat(oversized.isErrorFormat()).as(oversized.toString()).isTrue();
    }

    @Test
    void requestsJettyCannotReadAnswerInTheErrorFormatOnEveryMethod() throws Exception {
        for (String method : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
            String body = method.equals("GET") ? "" : "Content-Length: 2\r\n\r\n{}";
            String end = body.isEmpty() ? "\r\n" : "";
            assertRefused(RawHttp.exchange(port, method + " /v1/orgs/%ff HTTP/1.1\r\nHost: x\r\n" + auth() + end + body), 400);
            RawHttp.Answer big = RawHttp.exchange(port, method + " /v1/orgs/o HTTP/1.1\r\nHost: x\r\n" + auth()
                    + "X-Big: " + "a".repeat(20_000) + "\r\n" + end + body);
            assertRefused(big, 431);
            RawHttp.Answer control = RawHttp.exchange(port, method + " /v1/orgs/o HTTP/1.1\r\nHost: x\r\n" + auth()
                    + "Idempotency-Key: a\u0001b\r\n" + end + body);
            assertRefused(control, 400);
        }
        RawHttp.Answer preface = RawHttp.exchange(port, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        assertThat(preface.status()).as(preface.toString()).isBetween(400, 599);
        assertRefused(preface, preface.status());
        RawHttp.Answer line = RawHttp.exchange(port, "GARBAGE\r\n\r\n");
        assertRefused(line, 400);
    }

    @Test
    void bodiesMustBeExactlyOneJsonObjectInUtf8() throws Exception {
        assertBodyRefused("{\"title\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1), "UTF-8");
        assertBodyRefused(new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xed, (byte) 0xa0,
            (byte) 0x80, '"', '}'}, "UTF-8");
        assertBodyRefused("{\"title\":\"A\"} {\"title\":\"B\"}".getBytes(StandardCharsets.UTF_8), "after");
        assertBodyRefused("{\"title\":\"A\"}x".getBytes(StandardCharsets.UTF_8), "after");
        assertBodyRefused("{\"title\":\"A\",\"title\":\"B\"}".getBytes(StandardCharsets.UTF_8), "'title'");
        assertThat(app.revision()).isZero();
    }

    private void assertBodyRefused(byte[] json, String named) throws Exception {
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        req.writeBytes(("POST /v1/users HTTP/1.1\r\nHost: x\r\n" + auth() + "Content-Type: application/json\r\n"
                + "Content-Length: " + json.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        req.writeBytes(json);
        RawHttp.Answer a = RawHttp.exchange(port, req.toByteArray());
        assertRefused(a, 400);
        assertThat(a.json().path("error").path("message").asText()).as(a.toString()).contains(named);
    }
}
