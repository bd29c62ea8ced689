package dev.gatehouse.cli;

import dev.gatehouse.http.HttpLimits;
import dev.gatehouse.http.RateLimits;
import dev.gatehouse.service.WebhookPolicy;
import java.nio.file.Path;
import java.util.Map;

/**
 * The server's settings, from flags first, then environment variables, then defaults; validated once.
 *
 * @param port      HTTP port ({@code --port}, {@code GATEHOUSE_PORT}, default 8080; 0 picks a free one)
 * @param dataDir   where the database and the admin token live ({@code --data}, {@code GATEHOUSE_DATA})
 * @param publicUrl the base of the URLs in responses ({@code --public-url}, {@code GATEHOUSE_PUBLIC_URL})
 * @param adminToken the system token, when set by {@code GATEHOUSE_ADMIN_TOKEN}; null to use the data directory's
 * @param webhooks  where webhooks may point: public addresses, plus what {@code GATEHOUSE_WEBHOOK_ALLOW} lists
 * @param database  SQLite in the data directory, or the PostgreSQL named by {@code --db-url} / {@code GATEHOUSE_DB_URL}
 * @param http      the bounds on clients and the drain time of a stop ({@link HttpSettings})
 * @param rates     how many requests each caller may make ({@link RateSettings})
 */
record Settings(int port, Path dataDir, String publicUrl, String adminToken, WebhookPolicy webhooks,
                DatabaseSettings database, HttpLimits http, RateLimits rates) {

    static Settings resolve(Integer portFlag, Path dataFlag, String publicUrlFlag, Map<String, String> env) {
        return resolve(portFlag, dataFlag, publicUrlFlag, DatabaseSettings.resolve(null, null, null, null, env), env);
    }

    static Settings resolve(Integer portFlag, Path dataFlag, String publicUrlFlag, DatabaseSettings database,
                            Map<String, String> env) {
        return resolve(portFlag, dataFlag, publicUrlFlag, database, HttpSettings.resolve(HttpSettings.Flags.NONE, env), env);
    }

    static Settings resolve(Integer portFlag, Path dataFlag, String publicUrlFlag, DatabaseSettings database,
                            HttpLimits http, Map<String, String> env) {
        return resolve(portFlag, dataFlag, publicUrlFlag, database, http, RateSettings.resolve(RateSettings.Flags.NONE, env),
                env);
    }

    static Settings resolve(Integer portFlag, Path dataFlag, String publicUrlFlag, DatabaseSettings database,
                            HttpLimits http, RateLimits rates, Map<String, String> env) {
        int port = portFlag != null ? portFlag : parsePort(env.get("GATEHOUSE_PORT"));
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port / GATEHOUSE_PORT must be 0 to 65535; got " + port);
        }
        Path data = dataFlag != null ? dataFlag
                : Path.of(env.getOrDefault("GATEHOUSE_DATA", "gatehouse-data"));
        String url = publicUrlFlag != null ? publicUrlFlag : env.get("GATEHOUSE_PUBLIC_URL");
        if (url != null && !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("--public-url / GATEHOUSE_PUBLIC_URL must start with http:// or https://; got "
                    + url);
        }
        String token = env.get("GATEHOUSE_ADMIN_TOKEN");
        if (token != null && token.strip().length() < 16) {
            throw new IllegalArgumentException("GATEHOUSE_ADMIN_TOKEN must be at least 16 characters long");
        }
        WebhookPolicy webhooks;
        try {
            webhooks = WebhookPolicy.allowing(env.get("GATEHOUSE_WEBHOOK_ALLOW"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("GATEHOUSE_WEBHOOK_ALLOW: " + e.getMessage(), e);
        }
        return new Settings(port, data.toAbsolutePath().normalize(), url, token == null ? null : token.strip(), webhooks,
                database, http, rates);
    }

    private static int parsePort(String text) {
        if (text == null || text.isBlank()) {
            return 8080;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("GATEHOUSE_PORT must be a port number; got '" + text + "'");
        }
    }
}
