package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Random requests over the routes of the OpenAPI document: mutated paths, query strings, bodies and
 * headers, and raw framing that is broken on purpose. Every request is complete as sent (a truncated body
 * has the length it has), so the server never waits for bytes that will not come.
 */
final class FuzzRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"};
    private static final String[] ODD_METHODS = {"HEAD", "OPTIONS", "TRACE", "CONNECT", "FOO", "get"};
    private static final String[] WORDS = {"read", "edit", "admin", "create", "review", "comment", "inherit", "Admin",
        "", " ", "null", "true", "a@b.c", "user@example.com", "@", "x".repeat(300), "\u00e9t\u00e9", "\ud83d\ude00",
        "../x", "%2F", "\u0000", "\n", "private", "public", "unlisted", "in-collection", "share-link", "visitor-auth"};

    /** A route: its method and path template. */
    record Route(String method, String path) {
    }

    /** What to send, and whether it answers a HEAD (which has no body). */
    record Sent(byte[] bytes, boolean head, String describe) {
    }

    private final List<Route> routes;
    private final List<String> fields;
    private final Map<String, String> ids;
    private final List<String> tokens;

    /**
     * @param openApi the server's own document: its paths, methods and the field names of its schemas
     * @param ids     a real id for each path parameter
     * @param tokens  valid tokens (the system's, a user's, ...)
     */
    FuzzRequests(JsonNode openApi, Map<String, String> ids, List<String> tokens) {
        this.ids = ids;
        this.tokens = tokens;
        this.routes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = openApi.get("paths").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            for (String m : METHODS) {
                if (p.getValue().has(m.toLowerCase())) {
                    routes.add(new Route(m, p.getKey()));
                }
            }
        }
        TreeSet<String> names = new TreeSet<>();
        collectFieldNames(openApi, names);
        this.fields = new ArrayList<>(names);
    }

    List<Route> routes() {
        return routes;
    }

    private static void collectFieldNames(JsonNode n, TreeSet<String> into) {
        if (n.isObject()) {
            JsonNode props = n.get("properties");
            if (props != null && props.isObject()) {
                props.fieldNames().forEachRemaining(into::add);
            }
        }
        n.forEach(child -> collectFieldNames(child, into));
    }

    /** One request on a keep-alive connection (or deliberately broken framing, which ends it). */
    Sent next(Random r) {
        if (r.nextInt(20) == 0) {
            return framing(r);
        }
        Route route = routes.get(r.nextInt(routes.size()));
        String method = r.nextInt(50) == 0 ? ODD_METHODS[r.nextInt(ODD_METHODS.length)] : route.method();
        boolean mayDelete = !method.equals("DELETE");
        StringBuilder head = new StringBuilder();
        String path = path(r, route.path(), mayDelete);
        head.append(method).append(' ').append(path).append(query(r)).append(" HTTP/1.1\r\nHost: fuzz\r\n");
        String auth = authorization(r, method.equals("DELETE") && path.equals(realPath(route.path())));
        if (auth != null) {
            head.append("Authorization: ").append(auth).append("\r\n");
        }
        headers(r, head);
        byte[] body = method.equals("GET") && r.nextInt(10) != 0 ? new byte[0] : body(r);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (body.length > 0 && r.nextInt(8) == 0) {
            head.append("Transfer-Encoding: chunked\r\n\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            chunked(r, body, out);
        } else {
            if (body.length > 0 || r.nextBoolean()) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(body);
        }
        return new Sent(out.toByteArray(), method.equals("HEAD"), method + " " + path);
    }

    private String realPath(String template) {
        String p = template;
        for (Map.Entry<String, String> e : ids.entrySet()) {
            p = p.replace("{" + e.getKey() + "}", e.getValue());
        }
        return p;
    }

    private String path(Random r, String template, boolean realAllowed) {
        String p = template;
        for (Map.Entry<String, String> e : ids.entrySet()) {
            String token = "{" + e.getKey() + "}";
            if (!p.contains(token)) {
                continue;
            }
            int kind = r.nextInt(10);
            String value = kind < 6 && realAllowed ? e.getValue()
                    : switch (kind % 5) {
                        case 0 -> "zzNotThere" + r.nextInt(100);
                        case 1 -> "bad%25id";
                        case 2 -> pick(r, "%ff", "%zz", "%", "%2F", "..", "a%00b", "%C3%A9t%C3%A9", "%F0%9F%98%80", "a b");
                        case 3 -> "x".repeat(1 + r.nextInt(400));
                        default -> otherId(r, e.getValue());
                    };
            p = p.replace(token, value);
        }
        return switch (r.nextInt(30)) {
            case 0 -> p + "/";
            case 1 -> p.replaceFirst("/", "//");
            case 2 -> p + "/extra";
            case 3 -> p.toUpperCase();
            default -> p;
        };
    }

    /** A real id, but not {@code not}: an id of another kind in this place. */
    private String otherId(Random r, String not) {
        List<String> others = ids.values().stream().filter(v -> !v.equals(not)).toList();
        return others.get(r.nextInt(others.size()));
    }

    private static String query(Random r) {
        if (r.nextInt(3) != 0) {
            return "";
        }
        StringBuilder q = new StringBuilder("?");
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                q.append('&');
            }
            q.append(pick(r, "limit", "page", "order", "explain", "x", "limit", "type", "", "%zz"));
            if (r.nextInt(6) != 0) {
                q.append('=').append(pick(r, "1", "0", "1000", "1001", "-1", "ten", "99999999999999999999", "true",
                        "false", "asc", "desc", "%ff", "%", "AAAA", "eyJ4IjoxfQ", "a+b", "\u00e9".repeat(3), ""));
            }
        }
        return q.toString();
    }

    private String authorization(Random r, boolean realDelete) {
        int k = r.nextInt(12);
        if (realDelete) {
            // A real DELETE by a valid caller would empty the world for the rest of the run.
            return k < 6 ? "Bearer gh_notAToken" + r.nextInt(1000) : null;
        }
        return switch (k) {
            case 0 -> null;
            case 1 -> "Bearer " + pick(r, "", "gh_", "gh_notAToken", "x".repeat(5000), "\u00e9\u00e9", "a b c");
            case 2 -> pick(r, "Basic dXNlcjpwdw==", "Bearer", "bearer " + tokens.get(0), "Token x", "");
            default -> "Bearer " + tokens.get(r.nextInt(tokens.size()));
        };
    }

    private static void headers(Random r, StringBuilder head) {
        if (r.nextInt(4) == 0) {
            head.append("Idempotency-Key: ").append(pick(r, "k" + r.nextInt(50), "x".repeat(256), "a b", "\u00e9\u00ff",
                    "\u007f", "\t", "ok-" + r.nextLong(), "\u0080\u00fe")).append("\r\n");
        }
        if (r.nextInt(6) == 0) {
            head.append("X-Gatehouse-Min-Revision: ").append(pick(r, "abc", "-1", "1e3", "0x10", "0", " 1",
                    "9".repeat(30), "", "1,2", "\u00e9")).append("\r\n");
        }
        if (r.nextInt(4) == 0) {
            head.append("Content-Type: ").append(pick(r, "application/json", "text/plain", "application/json; charset=latin1",
                    "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "")).append("\r\n");
        }
        if (r.nextInt(20) == 0) {
            head.append(pick(r, "Expect: 100-continue", "Accept: text/html", "Accept-Encoding: gzip", "X-Empty:",
                    "Connection: keep-alive", "Cookie: a=b; c")).append("\r\n");
        }
    }

    private byte[] body(Random r) {
        int kind = r.nextInt(12);
        byte[] valid = bytes(object(r, 0));
        return switch (kind) {
            case 0 -> new byte[0];
            case 1 -> bytes(value(r, 0));
            case 2 -> java.util.Arrays.copyOf(valid, r.nextInt(valid.length));
            case 3 -> invalidUtf8(r, valid);
            case 4 -> ("{\"" + field(r) + "\":1,\"" + field(r) + "\":2,\"title\":\"a\",\"title\":\"b\"}")
                    .getBytes(StandardCharsets.UTF_8);
            case 5 -> concat(valid, pick(r, " {}", "x", "\u0000", "]", " 1", "//", "\n\n{").getBytes(StandardCharsets.UTF_8));
            case 6 -> ("[".repeat(r.nextInt(200)) + "]".repeat(r.nextInt(200))).getBytes(StandardCharsets.UTF_8);
            case 7 -> pick(r, "1e999999", "-0", "123456789012345678901234567890123456789", "NaN", "{\"limit\":1e400}",
                    "{\"title\":12345678901234567890123}", "\"\\ud800\"", "{\"title\":\"\\u0000\"}", "{'a':1}",
                    "{\"a\":01}", "\uFEFF{}").getBytes(StandardCharsets.UTF_8);
            default -> valid;
        };
    }

    private ObjectNode object(Random r, int depth) {
        ObjectNode o = NODES.objectNode();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            o.set(field(r), value(r, depth + 1));
        }
        return o;
    }

    private JsonNode value(Random r, int depth) {
        return switch (r.nextInt(depth > 3 ? 7 : 10)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(r.nextBoolean());
            case 2 -> NODES.numberNode(pick(r, 0L, -1L, 1L, 1000L, Long.MAX_VALUE, Long.MIN_VALUE));
            case 3 -> NODES.numberNode(new java.math.BigDecimal("1e" + r.nextInt(400)));
            case 4, 5 -> NODES.textNode(pick(r, WORDS));
            case 6 -> NODES.textNode(ids.values().stream().skip(r.nextInt(ids.size())).findFirst().orElseThrow());
            case 7 -> {
                ArrayNode a = NODES.arrayNode();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.add(value(r, depth + 1));
                }
                yield a;
            }
            default -> object(r, depth);
        };
    }

    private String field(Random r) {
        return r.nextInt(10) == 0 ? pick(r, "", "\u00e9", "a.b", "__proto__") : fields.get(r.nextInt(fields.size()));
    }

    private static byte[] invalidUtf8(Random r, byte[] valid) {
        byte[] bad = pick(r, new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc0, (byte) 0x80},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xe2, (byte) 0x82},
                new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});
        byte[] s = "{\"title\":\"ab\",\"displayName\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        int at = r.nextBoolean() ? 11 : r.nextInt(valid.length + 1);
        byte[] into = r.nextBoolean() ? s : valid;
        at = Math.min(at, into.length);
        return concat(concat(java.util.Arrays.copyOf(into, at), bad), java.util.Arrays.copyOfRange(into, at, into.length));
    }

    private static void chunked(Random r, byte[] body, ByteArrayOutputStream out) {
        int at = 0;
        while (at < body.length) {
            int n = Math.min(body.length - at, 1 + r.nextInt(64));
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            at += n;
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Framing broken on purpose; the server answers and closes. */
    private Sent framing(Random r) {
        String auth = "Authorization: Bearer " + tokens.get(r.nextInt(tokens.size())) + "\r\n";
        String method = pick(r, METHODS);
        String path = realPath(routes.get(r.nextInt(routes.size())).path());
        String s = switch (r.nextInt(14)) {
            case 0 -> method + " " + path + " HTTP/1.1\r\nHost: f\r\n" + auth + "Transfer-Encoding: chunked\r\n\r\n"
                    + pick(r, "ZZ", "FFFFFFFFFFFFFFFFFFFF", "-1", "5;x", " ") + "\r\n{}\r\n0\r\n\r\n";
            case 1 -> method + " " + path + " HTTP/1.1\r\nHost: f\r\n" + auth + "Transfer-Encoding: chunked\r\n\r\n"
                    + "2\r\n{}XX0\r\n\r\n";
            case 2 -> method + " " + path + " HTTP/1.1\r\nHost: f\r\n" + auth + "Content-Length: 2\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
            case 3 -> method + " " + path + " HTTP/1.1\r\nHost: f\r\n" + auth + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{} ";
            case 4 -> "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
            case 5 -> pick(r, "GARBAGE", "GET", "GET /", "GET / HTTP/9.9", "GET  / HTTP/1.1", " / HTTP/1.1",
                    "GET / HTTP/1.1 extra", "\u0016\u0003\u0001\u0000") + "\r\nHost: f\r\n\r\n";
            case 6 -> method + " " + path + " HTTP/1.1\r\nHost: f\r\n" + auth + "X-Big: " + "a".repeat(9_000 + r.nextInt(20_000))
                    + "\r\nContent-Length: 0\r\n\r\n";
            case 7 -> method + " " + path + " HTTP/1.1\r\nHost: f\r\n" + auth + "Idempotency-Key: a\u0001b\r\n"
                    + "Content-Length: 0\r\n\r\n";
            case 8 -> method + " " + path + " HTTP/1.1\r\n" + auth + "Content-Length: 0\r\n\r\n";
            case 9 -> method + " " + path + "%ff HTTP/1.1\r\nHost: f\r\n" + auth + "Content-Length: 0\r\n\r\n";
            case 10 -> method + " " + path + " HTTP/1.1\r\nHost: f\r\n" + auth + "Bad Header: x\r\nContent-Length: 0\r\n\r\n";
            case 11 -> method + " " + path + " HTTP/1.1\r\nHost: f\r\n" + auth + "Content-Length: -5\r\n\r\n";
            case 12 -> method + " " + path + " HTTP/1.1\r\nHost: f\r\n" + auth + "Content-Length: 99999999999\r\n\r\n";
            default -> method + " " + path + " HTTP/1.1\r\nHost: f\r\n" + auth + "\u00ff\u00fe: \u0080\r\nContent-Length: 0\r\n\r\n";
        };
        return new Sent(s.getBytes(StandardCharsets.ISO_8859_1), false, "framing: " + s.substring(0, Math.min(60, s.length())));
    }

    private static byte[] bytes(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }
}
