package dev.gatehouse.service;

import dev.gatehouse.engine.Index;
import dev.gatehouse.engine.Reads;
import dev.gatehouse.store.Snapshot;
import dev.gatehouse.store.Store;
import java.time.Clock;
import java.time.Duration;

/**
 * Every use case of one node, wired to one store: each service is given only the parts it uses (the index
 * to read, the write path, the store concerns it touches), so its constructor says which tables it reaches.
 * The background loops (the follower, the webhook dispatcher) are made here and started by {@link #start}.
 */
public final class Services implements AutoCloseable {
    private final Store store;
    private final Index index;
    private final GroupCommit writes;
    private final Metrics metrics;
    private final UserService users;
    private final OrganizationService organizations;
    private final TeamService teams;
    private final ContentService content;
    private final SiteService sites;
    private final PermissionService permissions;
    private final ShareLinkService shareLinks;
    private final AccessRequestService accessRequests;
    private final PageService pages;
    private final AuditService audit;
    private final AuditEventService auditEvents;
    private final WebhookService webhooks;
    private final IdempotencyService idempotency;
    private final NodeStatus status;
    private final Follower follower;
    private final WebhookDispatcher dispatcher;
    private final ExpirySweeper sweeper;
    private final InviteLinkService inviteLinks;
    private final ScimTokenService scimTokens;
    private final ScimDirectory scim;
    private final DataService data;

    /** What the use cases need to know beyond the store. */
    public record Options(Clock clock, Duration writeTimeout, String systemToken, WebhookPolicy webhooks,
                          WebhookDispatcher.Timing webhookTiming, Duration expiryPoll) {
        /** How long a write may take, queueing included, before it is refused, by default. */
        public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(2);

        public Options {
            if (clock == null || writeTimeout == null || systemToken == null || webhooks == null || webhookTiming == null
                    || expiryPoll == null) {
                throw new IllegalArgumentException("every option is required");
            }
            if (writeTimeout.isNegative() || writeTimeout.isZero()) {
                throw new IllegalArgumentException("the write timeout must be positive");
            }
        }

        /** The server's defaults: the system clock, 2 s writes, webhooks to public addresses only. */
        public static Options defaults(String systemToken) {
            return new Options(Clock.systemUTC(), DEFAULT_WRITE_TIMEOUT, systemToken, WebhookPolicy.publicOnly(),
                    WebhookDispatcher.Timing.standard(), ExpirySweeper.STANDARD_POLL);
        }

        public Options withWriteTimeout(Duration timeout) {
            return new Options(clock, timeout, systemToken, webhooks, webhookTiming, expiryPoll);
        }

        public Options withWebhooks(WebhookPolicy policy, WebhookDispatcher.Timing timing) {
            return new Options(clock, writeTimeout, systemToken, policy, timing, expiryPoll);
        }

        /** Every time, and so every grant's expiry, measured by {@code c} (a test's own clock, say). */
        public Options withClock(Clock c) {
            return new Options(c, writeTimeout, systemToken, webhooks, webhookTiming, expiryPoll);
        }

        /** How long the expiry sweep waits at most between looks at the next expiry. */
        public Options withExpiryPoll(Duration poll) {
            return new Options(clock, writeTimeout, systemToken, webhooks, webhookTiming, poll);
        }
    }

    private Services(Store store, Options options) {
        this.store = store;
        // Grants expire by this clock: reads and writes answer for its time.
        this.index = new Index(options.clock());
        this.metrics = new Metrics(index);
        Mint mint = new Mint(options.clock());
        this.writes = new GroupCommit(store, index, mint::now, options.writeTimeout().toMillis(), new Outage(), metrics);
        users = new UserService(index, writes, mint, options.systemToken());
        organizations = new OrganizationService(index, writes, mint);
        teams = new TeamService(index, writes, mint);
        content = new ContentService(index, writes, mint);
        sites = new SiteService(index, writes, mint);
        ShareLinkKeys shareLinkKeys = new ShareLinkKeys(store);
        permissions = new PermissionService(index, writes, mint, shareLinkKeys);
        shareLinks = new ShareLinkService(index, writes, mint, shareLinkKeys);
        accessRequests = new AccessRequestService(index, writes, mint);
        pages = new PageService(index, writes, mint);
        audit = new AuditService(index, store);
        auditEvents = new AuditEventService(index, store);
        webhooks = new WebhookService(index, mint, store, options.webhooks());
        inviteLinks = new InviteLinkService(index, writes, mint);
        scimTokens = new ScimTokenService(index, writes, mint);
        scim = new ScimDirectory(index, writes, mint);
        data = new DataService(index, writes);
        idempotency = new IdempotencyService(store, mint, metrics);
        status = new NodeStatus(index, store, store);
        follower = new Follower(store, index, writes, metrics);
        dispatcher = new WebhookDispatcher(store, store, mint, metrics, options.webhooks(), options.webhookTiming());
        sweeper = new ExpirySweeper(index, writes, mint, options.expiryPoll());
    }

    /**
     * Opens the services on {@code store}, loading the index from what it holds; the services own the store
     * from here on and close it with themselves.
     */
    public static Services open(Store store, Options options) {
        Services services;
        try {
            services = new Services(store, options);
            Snapshot snapshot = store.load();
            if (snapshot.revision() > 0) {
                services.index.apply(snapshot.revision(), snapshot.changes());
            }
        } catch (RuntimeException | Error e) {
            store.close();
            throw e;
        }
        return services;
    }

    /** Starts following other nodes' writes, delivering webhooks and removing expired grants. */
    public Services start() {
        follower.start();
        dispatcher.start();
        sweeper.start();
        return this;
    }

    public UserService users() {
        return users;
    }

    public OrganizationService organizations() {
        return organizations;
    }

    public InviteLinkService inviteLinks() {
        return inviteLinks;
    }

    /** Organizations' SCIM tokens, and authenticating SCIM requests with them. */
    public ScimTokenService scimTokens() {
        return scimTokens;
    }

    /** Members and teams as identity providers provision them over SCIM. */
    public ScimDirectory scim() {
        return scim;
    }

    /** Organizations in and out as export files. */
    public DataService data() {
        return data;
    }

    public TeamService teams() {
        return teams;
    }

    public ContentService content() {
        return content;
    }

    public SiteService sites() {
        return sites;
    }

    public PermissionService permissions() {
        return permissions;
    }

    /** Site share links. */
    public ShareLinkService shareLinks() {
        return shareLinks;
    }

    /** Access requests on collections, spaces, sites and pages. */
    public AccessRequestService accessRequests() {
        return accessRequests;
    }

    public PageService pages() {
        return pages;
    }

    public AuditService audit() {
        return audit;
    }

    /** The audit log in GitBook's shape: audit events, filtered and paged. */
    public AuditEventService auditEvents() {
        return auditEvents;
    }

    public WebhookService webhooks() {
        return webhooks;
    }

    public IdempotencyService idempotency() {
        return idempotency;
    }

    /** What the HTTP layer may know of the node: its revision, whether its database answers. */
    public NodeStatus status() {
        return status;
    }

    /** The meters every service records into, for {@code /metrics} and the HTTP layer's own meters. */
    public Metrics metrics() {
        return metrics;
    }

    /** The loop that applies other nodes' writes; {@link Follower#catchUp} applies them at once. */
    public Follower follower() {
        return follower;
    }

    /** The write path itself, for the tests of it in this package. */
    GroupCommit writes() {
        return writes;
    }

    /** The loop that removes expired grants; {@link ExpirySweeper#sweepOnce} removes them at once. */
    public ExpirySweeper sweeper() {
        return sweeper;
    }

    /** The index, read-only: tests and tools ask the world questions through it. */
    public Reads reads() {
        return index;
    }

    /** Stops the loops, then closes the store; in-flight requests must be finished first (see the HTTP drain). */
    @Override
    public void close() {
        sweeper.close();
        dispatcher.close();
        follower.close();
        metrics.close();
        store.close();
    }
}
