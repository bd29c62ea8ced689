package dev.gatehouse.cli;

import dev.gatehouse.http.HttpOptions;
import dev.gatehouse.service.Services;
import dev.gatehouse.store.Store;
import java.util.function.Supplier;

/**
 * One node's whole configuration, validated once: where it keeps its data, what its use cases and its HTTP
 * layer are set to, and the port. {@code gatehouse serve} builds one from its settings; the tests build their
 * own. Either way {@link Node#start} assembles the node from it, the same way.
 *
 * @param store      opens the store; called once per start, after the settings are known to be good
 * @param port       the HTTP port; 0 binds any free one ({@link Node#port} says which)
 * @param services   the use cases' options (clock, write timeout, system token, webhooks)
 * @param http       the HTTP layer's options (public URL, bounds, rate limits, metrics access)
 * @param jvmMetrics whether {@code /metrics} carries the JVM's and the process's meters too
 */
public record NodeConfig(Supplier<Store> store, int port, Services.Options services, HttpOptions http,
                         boolean jvmMetrics) {
    public NodeConfig {
        if (store == null || services == null || http == null) {
            throw new IllegalArgumentException("a node needs a store, its services' options and its HTTP options");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port must be 0 to 65535; got " + port);
        }
    }

    public NodeConfig withHttp(HttpOptions options) {
        return new NodeConfig(store, port, services, options, jvmMetrics);
    }

    public NodeConfig withServices(Services.Options options) {
        return new NodeConfig(store, port, options, http, jvmMetrics);
    }
}
