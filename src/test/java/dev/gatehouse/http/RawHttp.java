package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http cannot send: broken framing, bytes that are not
 * UTF-8, oversized or odd headers, bodies sent slowly. It reads answers strictly, so a cut or malformed
 * answer is an exception, never a silently accepted response.
 */
final class RawHttp implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** Past the status line: an end of stream now cuts an answer. */
    private boolean answering;

    RawHttp(int port, int readTimeoutMs) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(readTimeoutMs);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** One answer: the status, headers by lower-case name, and the body as sent (chunks decoded). */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as JSON, or null when it is not JSON. */
        JsonNode json() {
            try {
                return body.length == 0 ? null : JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        /** Whether this is {"error":{"code":status,"message":"..."}} with its status. */
        boolean isErrorFormat() {
            JsonNode j = json();
            return j != null && j.size() == 1 && j.path("error").path("code").asInt() == status
                    && j.path("error").path("message").isTextual() && !j.path("error").path("message").asText().isEmpty()
                    && String.valueOf(header("content-type")).startsWith("application/json");
        }

        boolean closes() {
            return "close".equalsIgnoreCase(header("connection"));
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + text();
        }
    }

    /** The connection closed before the first byte of an answer. */
    static final class ClosedBeforeAnswer extends EOFException {
        ClosedBeforeAnswer() {
            super("the connection closed without an answer");
        }
    }

    /** Sends a whole request and reads its answer on a fresh connection. */
    static Answer exchange(int port, String request) throws IOException {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Answer exchange(int port, byte[] request) throws IOException {
        try (RawHttp c = new RawHttp(port, 10_000)) {
            c.send(request);
            return c.read(false);
        }
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void send(String latin1) throws IOException {
        send(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Reads one answer; {@code head} when it answers a HEAD, which has no body whatever its headers say.
     * Interim answers (100 Continue, to {@code Expect: 100-continue}) are skipped: they precede the answer.
     */
    Answer read(boolean head) throws IOException {
        Answer a = readOne(head);
        while (a.status() >= 100 && a.status() < 200 && a.status() != 101) {
            a = readOne(head);
        }
        return a;
    }

    private Answer readOne(boolean head) throws IOException {
        answering = false;
        String statusLine = line();
        answering = true;
        if (!(statusLine.startsWith("HTTP/1.1 ") || statusLine.startsWith("HTTP/1.0 ")) || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.x status line: '" + statusLine + "'");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, String> headers = new TreeMap<>();
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line '" + h + "'");
            }
            headers.merge(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        byte[] body;
        if (head || status == 204 || status == 304 || status < 200) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked();
        } else if (headers.containsKey("content-length")) {
            body = exactly(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, body);
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.writeBytes(exactly(n));
            if (!line().isEmpty()) {
                throw new IOException("a chunk does not end with CRLF");
            }
        }
    }

    private byte[] exactly(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException("the body was cut after " + b.length + " of " + n + " bytes");
        }
        return b;
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw sb.length() == 0 && !answering ? new ClosedBeforeAnswer()
                        : new EOFException("the answer was cut in a line: '" + sb + "'");
            }
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) c);
        }
    }

    /** Whether the server has closed its side (a read answers end of stream at once). */
    boolean isClosedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a socket the server already closed.
        }
    }
}
