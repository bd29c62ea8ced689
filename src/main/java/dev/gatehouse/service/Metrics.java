package dev.gatehouse.service;

import dev.gatehouse.engine.Reads;
import dev.gatehouse.engine.World;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * Every meter of one Gatehouse, in one registry: the services record into it, the HTTP layer only renders it
 * ({@link #scrape}). Meters the hot paths touch are registered once here, so recording allocates nothing.
 */
public final class Metrics implements AutoCloseable {
    /**
     * The latency histograms' buckets: a dozen fixed bounds rather than Micrometer's ~70 percentile buckets,
     * since the request histogram has a series per route and status, and every scrape writes them all.
     */
    private static final Duration[] LATENCY_BUCKETS = Stream.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
            .map(Duration::ofMillis).toArray(Duration[]::new);
    /** The methods the request histogram names; any other a client sends is counted as {@code other}. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer commitLatency;
    private final DistributionSummary groupSize;
    private final Counter followerApplied;
    private final AtomicLong latestSeen = new AtomicLong();
    private final Counter idempotencyReplays;
    private final Counter webhookDeliveries;
    private final Counter webhookFailures;
    private final AtomicLong webhookBacklog = new AtomicLong();
    private final Counter rateLimitRefusals;
    private JvmGcMetrics gc;
    private final Map<RequestSeries, Timer> requests = new ConcurrentHashMap<>();

    /**
     * The tags of one series of the request histogram. Not a record: a record's equals and hashCode go through
     * method handles that the hot path did not inline, and cost more than the timer they find. A route is
     * one of the routes' own template strings, so equality is nearly always identity.
     */
    private static final class RequestSeries {
        final String method;
        final String route;
        final int status;
        private final int hash;

        RequestSeries(String method, String route, int status) {
            this.method = method;
            this.route = route;
            this.status = status;
            this.hash = (route.hashCode() * 31 + method.hashCode()) * 31 + status;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RequestSeries s && s.status == status && (s.route == route || s.route.equals(route))
                    && (s.method == method || s.method.equals(method));
        }
    }

    Metrics(Reads index) {
        commitLatency = Timer.builder("gatehouse.store.commit").description("How long the store takes to commit one group of writes")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        groupSize = DistributionSummary.builder("gatehouse.group.commit.size").description("Writes committed together in one store transaction")
                .baseUnit("writes").serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256).register(registry);
        followerApplied = Counter.builder("gatehouse.follower.applied.revisions")
                .description("Revisions committed by other nodes and applied to this node's index").register(registry);
        Gauge.builder("gatehouse.follower.lag.revisions", this, m -> Math.max(0, m.latestSeen.get() - index.revision()))
                .description("Revisions the store has announced that this node's index does not reflect yet").register(registry);
        Gauge.builder("gatehouse.revision", index, Reads::revision).description("The revision reads are answered at")
                .register(registry);
        size(index, "organizations", World::organizationCount);
        size(index, "members", World::memberCount);
        size(index, "resources", World::resourceCount);
        size(index, "grants", World::grantCount);
        idempotencyReplays = Counter.builder("gatehouse.idempotency.replays")
                .description("Writes answered with the stored answer of an earlier request with the same Idempotency-Key")
                .register(registry);
        webhookDeliveries = Counter.builder("gatehouse.webhook.deliveries").description("Webhook deliveries attempted")
                .register(registry);
        webhookFailures = Counter.builder("gatehouse.webhook.failures").description("Webhook deliveries that failed")
                .register(registry);
        Gauge.builder("gatehouse.webhook.backlog", webhookBacklog, AtomicLong::get)
                .description("Webhooks with entries left to deliver at the end of the dispatcher's last round")
                .register(registry);
        rateLimitRefusals = Counter.builder("gatehouse.rate.limit.refusals")
                .description("Requests refused by the rate limit").register(registry);
    }

    /** One gauge per index size: the world keeps counts as it changes, so a scrape reads four ints. */
    private void size(Reads index, String kind, ToIntFunction<World> count) {
        Gauge.builder("gatehouse.index.size", index, i -> i.read(count::applyAsInt)).tag("kind", kind)
                .description("Objects in this node's in-memory index").register(registry);
    }

    /**
     * The JVM's and the process's meters. Only a server binds them: the GC meter listens to the JVM until
     * {@link #close}, which tests opening many cores would otherwise leak.
     */
    public void bindJvmAndProcess() {
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /**
     * One answered HTTP request. {@code route} is the matched route template, never the raw path, and a method
     * outside HTTP's usual ones counts as {@code other}, so the series are bounded. Each series' timer is made
     * once and then found in a map: building and registering it on every request cost a builder, its tags and a
     * registry lookup each time.
     */
    public void request(String method, String route, int status, long nanos) {
        RequestSeries series = new RequestSeries(METHODS.contains(method) ? method : "other", route, status);
        Timer timer = requests.get(series);
        if (timer == null) {
            timer = requests.computeIfAbsent(series, k -> Timer.builder("gatehouse.http.requests")
                    .description("HTTP requests answered, by route template and status")
                    .tag("method", k.method).tag("route", k.route).tag("status", Integer.toString(k.status))
                    .serviceLevelObjectives(LATENCY_BUCKETS).register(registry));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    void groupCommitted(int writes, long commitNanos) {
        groupSize.record(writes);
        commitLatency.record(commitNanos, TimeUnit.NANOSECONDS);
    }

    void followerSaw(long latest) {
        latestSeen.accumulateAndGet(latest, Math::max);
    }

    void followerApplied(int revisions) {
        followerApplied.increment(revisions);
    }

    void idempotencyReplay() {
        idempotencyReplays.increment();
    }

    void webhookDelivered(boolean ok) {
        webhookDeliveries.increment();
        if (!ok) {
            webhookFailures.increment();
        }
    }

    void webhookBacklog(int webhooks) {
        webhookBacklog.set(webhooks);
    }

    /** Requests the rate limit refused; incremented by whoever enforces it. */
    public Counter rateLimitRefusals() {
        return rateLimitRefusals;
    }

    /** Every meter in Prometheus' text format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }
}
