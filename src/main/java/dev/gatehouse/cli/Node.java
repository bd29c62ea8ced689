package dev.gatehouse.cli;

import dev.gatehouse.http.HttpApi;
import dev.gatehouse.service.Services;
import io.javalin.Javalin;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running node: its services on the store, the HTTP API in front of them, and the background loops. The
 * one assembly of Gatehouse: {@code serve} and the tests start nodes only through {@link #start}.
 */
public final class Node implements AutoCloseable {
    private final NodeConfig config;
    private final Services services;
    private final Javalin app;
    private final String url;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Node(NodeConfig config, Services services, Javalin app, String url) {
        this.config = config;
        this.services = services;
        this.app = app;
        this.url = url;
    }

    /**
     * Opens the store, loads the index, binds the port and starts serving, then starts following other nodes
     * and delivering webhooks. A start that fails closes whatever it opened.
     */
    public static Node start(NodeConfig config) {
        Services services = Services.open(config.store().get(), config.services());
        try {
            if (config.jvmMetrics()) {
                services.metrics().bindJvmAndProcess();
            }
            Javalin app = HttpApi.create(services, config.http()).start(config.port());
            String url = HttpApi.publicUrl(app, config.http());
            services.start();
            return new Node(config, services, app, url);
        } catch (RuntimeException | Error e) {
            services.close();
            throw e;
        }
    }

    /** The port the server is bound to (the one picked, when the configuration said 0). */
    public int port() {
        return app.port();
    }

    /** The base of the URLs in responses: the public URL, or {@code http://localhost:PORT}. */
    public String url() {
        return url;
    }

    public Services services() {
        return services;
    }

    /** The HTTP application, for tests that look at its routes or talk to its port in raw bytes. */
    public Javalin javalin() {
        return app;
    }

    /**
     * Drains and stops the server first (the requests in flight may be writes, which need the store), then
     * stops the loops and closes the store. A second close does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            HttpApi.drain(app, config.http().limits().drain());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
        services.close();
    }
}
