package dev.gatehouse.http;

import java.nio.ByteBuffer;
import java.util.function.LongSupplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Every answer Gatehouse gives outside Javalin's routes: the requests Jetty refuses before routing (a path
 * with a stray '%', a malformed request line or chunk, a header too large), and the refusals of the
 * handlers in front of Javalin (shedding, body deadlines, shutdown). All use the API's error format and
 * carry {@code X-Gatehouse-Revision}, like every answer of the routes.
 */
final class JsonErrorHandler extends ErrorHandler {
    private final LongSupplier revision;

    /** @param revision the index revision, for the header every answer carries */
    JsonErrorHandler(LongSupplier revision) {
        this.revision = revision;
    }

    /** Jetty writes no error body for PUT, PATCH or DELETE by default; the API answers every method alike. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /**
     * A request line naming another HTTP version is the client's to fix: Jetty's 505 would read as a server
     * fault, so it is a 400 here, like every other request Jetty cannot read.
     */
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        int status = code == 505 ? 400 : code;
        // An error answer may have been reset on its way here, or Jetty refused the request before any handler
        // gave it an id: either way the answer carries the one the request has, or would have had.
        String id = request.getAttribute(RequestIds.ATTRIBUTE) instanceof String given ? given
                : RequestIds.accept(request.getHeaders().get(RequestIds.HEADER));
        response.getHeaders().put(RequestIds.HEADER, id);
        send(response, status, describe(status, message), callback);
    }

    /**
     * Answers with an error, and closes the connection: whoever calls this has not read the request body
     * (or could not), so a keep-alive client would otherwise send its next request into unread bytes.
     */
    void send(Response response, int code, String message, Callback callback) {
        response.setStatus(code);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put(HttpHeader.CONNECTION, "close");
        headers.put(Http.REVISION_HEADER, Long.toString(revision.getAsLong()));
        if (code == 503) {
            headers.put(HttpHeader.RETRY_AFTER, "1");
        }
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    private static String describe(int code, String reason) {
        String detail = reason == null || reason.isBlank() ? "" : ": " + reason;
        return switch (code) {
            case 400 -> "the request could not be read" + detail
                    + " (check the path: ids are letters, digits, '_' and '-'; encode anything else)";
            case 413 -> "the request body is too large (at most 4 MB)";
            case 414, 431 -> "the request line or headers are too large" + detail;
            case 503 -> "the server is busy or shutting down; retry shortly" + detail;
            default -> "the request could not be answered" + detail;
        };
    }

    static byte[] body(int code, String message) {
        var root = Json.object();
        var err = root.putObject("error");
        err.put("code", code);
        err.put("message", message);
        return Json.bytes(root);
    }
}
