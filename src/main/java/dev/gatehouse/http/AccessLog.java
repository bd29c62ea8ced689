package dev.gatehouse.http;

import java.time.Instant;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost handler: gives each request its {@code X-Request-Id} (echoed on every answer, the refusals in
 * front of the routes included), and once it is answered writes one access-log line and records it in the
 * request meters. The line names the caller by user id, or {@code system}, and never carries a header, a
 * query string or a body: those are where tokens, Idempotency-Keys and secrets travel.
 */
final class AccessLog extends Handler.Wrapper {
    /** A logger of its own, so that operators can silence it ({@code gatehouse.access}) without the rest. */
    static final Logger LOG = LoggerFactory.getLogger("gatehouse.access");
    /** For requests no route matched: a raw path would make a meter per path anyone cares to send. */
    static final String UNMATCHED = "unmatched";

    private final RequestMeter meter;

    AccessLog(RequestMeter meter) {
        this.meter = meter;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        String id = RequestIds.accept(request.getHeaders().get(RequestIds.HEADER));
        Exchange exchange = new Exchange();
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        request.setAttribute(Exchange.ATTRIBUTE, exchange);
        response.getHeaders().put(RequestIds.HEADER, id);
        Request.addCompletionListener(request, failure -> completed(request, response, exchange, id, start));
        return super.handle(request, response, callback);
    }

    /** The segment of an invite link's id, in the paths that carry one (matched or not). */
    private static final java.util.regex.Pattern INVITE_ID =
            java.util.regex.Pattern.compile("(/v1/orgs/[^/]*/(?:link-)?invites/)[^/]+");

    /**
     * The path with an invite link's id replaced by {@code {inviteId}}: the id is what lets one join, so the log
     * must not hold it.
     */
    static String redact(String path) {
        // Most paths carry no invite id: a substring search is far cheaper than running the pattern on each.
        return path.contains("invites/") ? INVITE_ID.matcher(path).replaceAll("$1{inviteId}") : path;
    }

    private void completed(Request request, Response response, Exchange exchange, String id, long start) {
        long nanos = System.nanoTime() - start;
        String route = exchange.route == null ? UNMATCHED : exchange.route;
        int status = response.getStatus();
        String method = request.getMethod();
        meter.record(method, route, status, nanos);
        if (!LOG.isInfoEnabled()) {
            return;
        }
        // As the client sent it, still percent-encoded: a decoded path could carry a line break into the log.
        String raw = request.getHttpURI().getPath();
        String path = raw == null ? "-" : redact(raw);
        String caller = exchange.caller == null ? "-" : exchange.caller;
        String given = response.getHeaders().get(Http.REVISION_HEADER);
        String revision = given == null ? "-" : given;
        String ms = millis(nanos);
        String time = IsoTime.format(Instant.now());
        // The line is built here, not from a pattern with nine arguments for Logback to format on this thread.
        String line = new StringBuilder(160).append(time).append(' ').append(method).append(' ').append(route)
                .append(' ').append(path).append(' ').append(status).append(' ').append(ms).append("ms caller=")
                .append(caller).append(" revision=").append(revision).append(" requestId=").append(id).toString();
        LOG.atInfo().addKeyValue("time", time).addKeyValue("method", method).addKeyValue("route", route)
                .addKeyValue("path", path).addKeyValue("status", status).addKeyValue("durationMs", ms)
                .addKeyValue("caller", caller).addKeyValue("revision", revision).addKeyValue("requestId", id)
                .log(line);
    }

    /** "12.345": milliseconds to the microsecond, without a Formatter, which cost more than the rest of the line. */
    static String millis(long nanos) {
        long micros = Math.max(0, nanos) / 1_000;
        int fraction = (int) (micros % 1_000);
        return new StringBuilder(12).append(micros / 1_000).append('.').append((char) ('0' + fraction / 100))
                .append((char) ('0' + fraction / 10 % 10)).append((char) ('0' + fraction % 10)).toString();
    }
}
