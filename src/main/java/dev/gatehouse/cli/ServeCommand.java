package dev.gatehouse.cli;

import dev.gatehouse.http.HttpApi;
import dev.gatehouse.service.Follower;
import dev.gatehouse.service.Gatehouse;
import dev.gatehouse.service.Services;
import dev.gatehouse.service.WebhookDispatcher;
import dev.gatehouse.store.PrivateFiles;
import dev.gatehouse.store.Store;
import io.javalin.Javalin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse serve}: opens the store, loads the index, serves the API until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the Gatehouse server.")
final class ServeCommand implements Callable<Integer> {
    static final String DATABASE_FILE = DatabaseSettings.SQLITE_FILE;

    @Option(names = "--port", description = "HTTP port (env GATEHOUSE_PORT, default 8080).")
    Integer port;

    @Option(names = "--data", description = "Data directory (env GATEHOUSE_DATA, default ./gatehouse-data).")
    Path data;

    @Option(names = "--public-url", description = "Base of the URLs in responses (env GATEHOUSE_PUBLIC_URL).")
    String publicUrl;

    @Option(names = "--db-url", description = "PostgreSQL to keep the data in, jdbc:postgresql://HOST:PORT/DB "
            + "(env GATEHOUSE_DB_URL; default: SQLite in the data directory).")
    String dbUrl;

    @Option(names = "--db-user", description = "PostgreSQL user (env GATEHOUSE_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", description = "PostgreSQL password (env GATEHOUSE_DB_PASSWORD, which other "
            + "users cannot read in the process list).")
    String dbPassword;

    @Option(names = "--db-wait", paramLabel = "SECONDS", description = "How long start-up retries a PostgreSQL it "
            + "cannot reach (env GATEHOUSE_DB_WAIT, default 30).")
    String dbWait;

    @Option(names = "--demo", description = "Fill a demo organization on first start and print how to try it.")
    boolean demo;

    /** The environment the settings are read from; tests give their own, since a process cannot change its own. */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws Exception {
        Settings settings;
        try {
            settings = Settings.resolve(port, data, publicUrl,
                    DatabaseSettings.resolve(dbUrl, dbUser, dbPassword, dbWait, env), env);
        } catch (IllegalArgumentException e) {
            System.err.println("gatehouse: " + e.getMessage());
            return 2;
        }
        Running running;
        try {
            running = start(settings, demo, System.out);
        } catch (dev.gatehouse.store.StoreException | java.io.IOException e) {
            System.err.println("gatehouse: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "gatehouse-shutdown"));
        stopped.await();
        return 0;
    }

    /** A started server and what it holds open. */
    record Running(Javalin app, Gatehouse core, int port, Follower follower, WebhookDispatcher webhooks)
            implements AutoCloseable {
        @Override
        public void close() {
            app.stop();
            webhooks.close();
            follower.close();
            core.close();
        }
    }

    static Running start(Settings settings, boolean demo, PrintStream out) throws Exception {
        // Owner-only: it holds the admin token, the database and (SQLite) the key that seals its secrets.
        PrivateFiles.directory(settings.dataDir());
        AdminToken.Resolved admin = AdminToken.resolve(settings);
        Store store = settings.database().open(settings.dataDir());
        Gatehouse core;
        try {
            core = Gatehouse.open(store, Clock.systemUTC(), settings.database().writeTimeout().toMillis());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        Services services = Services.create(core, admin.token(), settings.webhooks());
        String url = settings.publicUrl();
        Javalin app;
        int boundPort;
        if (url == null) {
            // The URL names the port, and port 0 is only known once bound: start, then read it.
            app = HttpApi.create(services, "http://localhost:" + settings.port()).start(settings.port());
            boundPort = app.port();
            if (settings.port() == 0) {
                app.stop();
                app = HttpApi.create(services, "http://localhost:" + boundPort).start(boundPort);
            }
            url = "http://localhost:" + boundPort;
        } else {
            app = HttpApi.create(services, url).start(settings.port());
            boundPort = app.port();
        }
        out.println("Gatehouse is serving on " + url + " (" + settings.database().describe(settings.dataDir()) + ", revision "
                + core.index().revision() + ")");
        if (admin.created()) {
            out.println("System token (shown once; also kept, owner-readable only, in " + admin.file() + "):");
            out.println("  " + admin.token());
        }
        if (demo) {
            Demo.run(services, settings.dataDir(), url, out);
        }
        // Other nodes on the same database write too; a single node's follower finds nothing and costs nothing.
        Follower follower = new Follower(core);
        follower.start();
        WebhookDispatcher webhooks = new WebhookDispatcher(core, settings.webhooks(), WebhookDispatcher.Timing.standard());
        webhooks.start();
        return new Running(app, core, boundPort, follower, webhooks);
    }
}
