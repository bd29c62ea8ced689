package dev.gatehouse.service;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where webhooks may point. Public addresses are allowed; loopback, private, link-local and other internal
 * addresses are not, unless the operator lists them (host names, addresses or CIDR ranges), because a
 * webhook is a request the server makes on an organization admin's behalf and must not become a way into
 * the operator's own network.
 */
public final class WebhookPolicy {
    private final List<String> hosts = new ArrayList<>();
    private final List<byte[]> networks = new ArrayList<>();
    private final List<Integer> prefixes = new ArrayList<>();

    private WebhookPolicy() {
    }

    /** Public addresses only. */
    public static WebhookPolicy publicOnly() {
        return new WebhookPolicy();
    }

    /**
     * Public addresses and these: comma-separated host names, addresses and CIDR ranges
     * ({@code hooks.internal, 127.0.0.1, 10.0.0.0/8}).
     *
     * @throws IllegalArgumentException on an entry that is none of these
     */
    public static WebhookPolicy allowing(String list) {
        WebhookPolicy p = new WebhookPolicy();
        if (list == null) {
            return p;
        }
        for (String raw : list.split(",")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            if (isLiteral(address)) {
                byte[] bytes = literal(address);
                int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(entry.substring(slash + 1));
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException("'" + entry + "' has a prefix out of range");
                }
                p.networks.add(bytes);
                p.prefixes.add(prefix);
            } else if (slash < 0 && entry.matches("[a-z0-9.-]+")) {
                p.hosts.add(entry);
            } else {
                throw new IllegalArgumentException("'" + entry + "' is not a host name, an address or a CIDR range");
            }
        }
        return p;
    }

    /**
     * Checks a webhook URL: http or https, with a host whose every address is allowed.
     *
     * @return the URI
     * @throws ApiException 400 saying what is wrong
     */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("'url' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ApiException.badRequest("'url' must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw ApiException.badRequest("'url' must name a host, with no user name and no fragment");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (hosts.contains(host)) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw ApiException.badRequest("'url' names a host that does not resolve: " + host);
        }
        for (InetAddress a : addresses) {
            if (!allowed(a)) {
                throw ApiException.badRequest("'url' points to " + a.getHostAddress() + ", an address this server does "
                        + "not send webhooks to (the operator can allow it with GATEHOUSE_WEBHOOK_ALLOW)");
            }
        }
        return uri;
    }

    boolean allowed(InetAddress a) {
        byte[] b = a.getAddress();
        for (int i = 0; i < networks.size(); i++) {
            if (matches(b, networks.get(i), prefixes.get(i))) {
                return true;
            }
        }
        return !internal(a);
    }

    private static boolean internal(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        // 100.64.0.0/10 (carrier-grade NAT) and 0.0.0.0/8 are not on the public internet either.
        return ((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) || b[0] == 0;
    }

    private static boolean matches(byte[] address, byte[] network, int prefix) {
        if (address.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLiteral(String s) {
        return s.matches("[0-9.]+") && s.split("\\.", -1).length == 4 || s.contains(":");
    }

    private static byte[] literal(String s) {
        try {
            // A literal is parsed, never looked up: getByName does no DNS query for one.
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + s + "' is not an address", e);
        }
    }
}
