package dev.gatehouse.store;

import dev.gatehouse.model.IdempotentRequest;

import dev.gatehouse.model.AuditPosition;

import dev.gatehouse.model.ApiToken;
import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditQuery;
import dev.gatehouse.model.AuditEvent;
import dev.gatehouse.model.Webhook;
import dev.gatehouse.model.WebhookDelivery;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Organization;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.SiteSpace;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.Team;
import dev.gatehouse.model.TeamMembership;
import dev.gatehouse.model.User;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A store in memory, for tests that need thousands of fresh worlds (a fake, not a mock: it keeps the
 * whole {@link Store} contract and runs the conformance suite). It keeps the changelog and rebuilds the
 * snapshot from it, which is the simplest way to be exactly as durable and as atomic as promised.
 */
public final class MemoryStore implements Store {
    /** What survives a "restart": hand it to a new MemoryStore. */
    public static final class Data {
        final List<ChangelogEntry> log = new ArrayList<>();
        final Map<String, byte[]> secrets = new HashMap<>();
        final List<AuditEntry> audit = new ArrayList<>();
        final Map<List<String>, IdempotentRequest> keys = new HashMap<>();
        final Map<String, Webhook> webhooks = new LinkedHashMap<>();
        final Map<String, AuditPosition> positions = new HashMap<>();
        final Map<String, String> leaseOwners = new HashMap<>();
        final Map<String, Instant> leaseUntil = new HashMap<>();
        final List<WebhookDelivery> deliveries = new ArrayList<>();
    }

    private final Data data;
    private boolean closed;

    public MemoryStore() {
        this(new Data());
    }

    public MemoryStore(Data data) {
        this.data = data;
    }

    public Data data() {
        return data;
    }

    @Override
    public synchronized long commit(Commit commit) {
        ensureOpen();
        if (commit.expectedRevision() != Commit.ANY && commit.expectedRevision() != data.log.size()) {
            throw new StaleRevisionException(commit.expectedRevision(), data.log.size());
        }
        List<Change> all = new ArrayList<>();
        data.log.forEach(e -> all.addAll(e.changes()));
        all.addAll(commit.changes());
        checkConstraints(all);
        long revision = data.log.size() + 1;
        data.log.add(new ChangelogEntry(revision, commit.at(), commit.actor(), commit.changes()));
        int seq = 0;
        for (AuditEvent e : commit.audit()) {
            data.audit.add(new AuditEntry(revision, seq++, commit.at(), commit.actor(), e));
        }
        if (commit.request() != null) {
            List<String> k = List.of(commit.request().scope(), commit.request().key());
            IdempotentRequest old = data.keys.get(k);
            if (old != null && !old.answered()) {
                data.keys.put(k, new IdempotentRequest(old.requestHash(), null, null, null, null, revision, old.createdAt()));
            }
        }
        notifyAll();
        return revision;
    }

    @Override
    public synchronized List<AuditEntry> auditLog(String orgId, AuditPosition after, int limit) {
        ensureOpen();
        return data.audit.stream().filter(e -> e.event().orgId().equals(orgId))
                .filter(e -> e.revision() > after.revision() || (e.revision() == after.revision() && e.seq() > after.seq()))
                .limit(limit).toList();
    }

    @Override
    public synchronized List<AuditEntry> auditEntries(String orgId, AuditQuery q, AuditPosition before, int limit) {
        ensureOpen();
        List<AuditEntry> out = new ArrayList<>();
        for (int i = data.audit.size() - 1; i >= 0 && out.size() < limit; i--) {
            AuditEntry e = data.audit.get(i);
            boolean beforeIt = before == null || e.revision() < before.revision()
                    || (e.revision() == before.revision() && e.seq() < before.seq());
            if (e.event().orgId().equals(orgId) && beforeIt && (q.from() == null || !e.at().isBefore(q.from()))
                    && (q.to() == null || !e.at().isAfter(q.to()))
                    && (q.action() == null || q.action().equals(e.event().action()))
                    && (q.actor() == null || q.actor().equals(e.actor()))
                    && (q.resourceId() == null || q.resourceId().equals(e.event().resourceId()))) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public synchronized AuditEntry auditEntry(String orgId, long revision, int seq) {
        ensureOpen();
        return data.audit.stream().filter(e -> e.event().orgId().equals(orgId) && e.revision() == revision && e.seq() == seq)
                .findFirst().orElse(null);
    }

    @Override
    public synchronized IdempotentRequest reserveIdempotencyKey(String scope, String key, String requestHash,
                                                                Instant now, Instant expiredBefore) {
        ensureOpen();
        data.keys.values().removeIf(r -> r.createdAt().isBefore(expiredBefore));
        IdempotentRequest pending = data.keys.get(List.of(scope, key));
        if (pending != null && !pending.answered() && pending.revision() == 0
                && pending.createdAt().isBefore(now.minus(dev.gatehouse.store.SqlIdempotency.ABANDONED))) {
            data.keys.remove(List.of(scope, key));
        }
        IdempotentRequest old = data.keys.get(List.of(scope, key));
        if (old == null) {
            data.keys.put(List.of(scope, key), new IdempotentRequest(requestHash, null, null, null, null, 0, now));
        }
        return old;
    }

    @Override
    public synchronized void completeIdempotencyKey(String scope, String key, IdempotentRequest answer) {
        ensureOpen();
        IdempotentRequest old = data.keys.get(List.of(scope, key));
        if (old != null) {
            data.keys.put(List.of(scope, key), new IdempotentRequest(old.requestHash(), answer.status(),
                    answer.contentType(), answer.body(), answer.location(), answer.revision(), old.createdAt()));
        }
    }

    @Override
    public synchronized void releaseIdempotencyKey(String scope, String key) {
        ensureOpen();
        IdempotentRequest old = data.keys.get(List.of(scope, key));
        if (old != null && !old.answered() && old.revision() == 0) {
            data.keys.remove(List.of(scope, key));
        }
    }

    @Override
    public synchronized void addWebhook(Webhook webhook) {
        ensureOpen();
        data.webhooks.put(webhook.id(), webhook);
        data.positions.put(webhook.id(), AuditPosition.afterRevision(data.log.size()));
    }

    @Override
    public synchronized boolean removeWebhook(String orgId, String webhookId) {
        ensureOpen();
        Webhook w = data.webhooks.get(webhookId);
        if (w == null || !w.orgId().equals(orgId)) {
            return false;
        }
        data.webhooks.remove(webhookId);
        data.positions.remove(webhookId);
        data.deliveries.removeIf(d -> d.webhookId().equals(webhookId));
        return true;
    }

    @Override
    public synchronized List<Webhook> webhooks(String orgId) {
        ensureOpen();
        return data.webhooks.values().stream().filter(w -> orgId == null || w.orgId().equals(orgId))
                .sorted(java.util.Comparator.comparing(Webhook::createdAt).thenComparing(Webhook::id)).toList();
    }

    @Override
    public synchronized AuditPosition webhookPosition(String webhookId) {
        ensureOpen();
        return data.positions.get(webhookId);
    }

    @Override
    public synchronized boolean leaseWebhook(String webhookId, String owner, Instant now, Instant until) {
        ensureOpen();
        if (!data.webhooks.containsKey(webhookId)) {
            return false;
        }
        String holder = data.leaseOwners.get(webhookId);
        if (holder != null && !holder.equals(owner) && !data.leaseUntil.get(webhookId).isBefore(now)) {
            return false;
        }
        data.leaseOwners.put(webhookId, owner);
        data.leaseUntil.put(webhookId, until);
        return true;
    }

    @Override
    public synchronized WebhookDelivery recordDelivery(WebhookDelivery d, String owner, boolean advance) {
        ensureOpen();
        if (advance && owner.equals(data.leaseOwners.get(d.webhookId())) && data.positions.containsKey(d.webhookId())) {
            data.positions.put(d.webhookId(), new AuditPosition(d.revision(), d.seq()));
        }
        long id = data.deliveries.stream().filter(x -> x.webhookId().equals(d.webhookId()))
                .mapToLong(WebhookDelivery::id).max().orElse(0) + 1;
        WebhookDelivery logged = new WebhookDelivery(id, d.webhookId(), d.revision(), d.seq(), d.action(), d.attempt(),
                d.at(), d.status(), d.error(), d.millis());
        data.deliveries.add(logged);
        return logged;
    }

    @Override
    public synchronized void advanceWebhook(String webhookId, String owner, AuditPosition to) {
        ensureOpen();
        if (owner.equals(data.leaseOwners.get(webhookId)) && data.positions.containsKey(webhookId)) {
            data.positions.put(webhookId, to);
        }
    }

    @Override
    public synchronized List<WebhookDelivery> deliveries(String webhookId, long afterId, int limit) {
        ensureOpen();
        return data.deliveries.stream().filter(d -> d.webhookId().equals(webhookId) && d.id() > afterId)
                .limit(limit).toList();
    }

    /** The unique constraints every store has: one user per email, one token per secret hash. */
    private static void checkConstraints(List<Change> all) {
        Map<String, User> users = new HashMap<>();
        Map<String, ApiToken> tokens = new HashMap<>();
        Map<String, dev.gatehouse.model.AccessRequest> requests = new HashMap<>();
        Change.Visitor<Void> constrained = new Change.Visitor<>() {
            @Override
            public Void userPut(Change.UserPut p) {
                users.put(p.user().id(), p.user());
                return null;
            }

            @Override
            public Void userRemoved(Change.UserRemoved r) {
                users.remove(r.userId());
                return null;
            }

            @Override
            public Void organizationPut(Change.OrganizationPut x) {
                return null; // no unique constraint
            }

            @Override
            public Void memberPut(Change.MemberPut x) {
                return null; // no unique constraint
            }

            @Override
            public Void memberRemoved(Change.MemberRemoved x) {
                return null; // no unique constraint
            }

            @Override
            public Void teamPut(Change.TeamPut x) {
                return null; // no unique constraint
            }

            @Override
            public Void teamRemoved(Change.TeamRemoved x) {
                return null; // no unique constraint
            }

            @Override
            public Void teamMemberPut(Change.TeamMemberPut x) {
                return null; // no unique constraint
            }

            @Override
            public Void teamMemberRemoved(Change.TeamMemberRemoved x) {
                return null; // no unique constraint
            }

            @Override
            public Void collectionPut(Change.CollectionPut x) {
                return null; // no unique constraint
            }

            @Override
            public Void collectionRemoved(Change.CollectionRemoved x) {
                return null; // no unique constraint
            }

            @Override
            public Void spacePut(Change.SpacePut x) {
                return null; // no unique constraint
            }

            @Override
            public Void spaceRemoved(Change.SpaceRemoved x) {
                return null; // no unique constraint
            }

            @Override
            public Void sitePut(Change.SitePut x) {
                return null; // no unique constraint
            }

            @Override
            public Void siteRemoved(Change.SiteRemoved x) {
                return null; // no unique constraint
            }

            @Override
            public Void siteSpacePut(Change.SiteSpacePut x) {
                return null; // no unique constraint
            }

            @Override
            public Void siteSpaceRemoved(Change.SiteSpaceRemoved x) {
                return null; // no unique constraint
            }

            @Override
            public Void pagePut(Change.PagePut x) {
                return null; // no unique constraint
            }

            @Override
            public Void pageRemoved(Change.PageRemoved x) {
                return null; // no unique constraint
            }

            @Override
            public Void grantPut(Change.GrantPut x) {
                return null; // no unique constraint
            }

            @Override
            public Void grantRemoved(Change.GrantRemoved x) {
                return null; // no unique constraint
            }

            @Override
            public Void grantExpired(Change.GrantExpired x) {
                return null; // no unique constraint
            }

            @Override
            public Void tokenPut(Change.TokenPut p) {
                tokens.put(p.token().id(), p.token());
                return null;
            }

            @Override
            public Void tokenRemoved(Change.TokenRemoved r) {
                tokens.remove(r.tokenId());
                return null;
            }

            @Override
            public Void scimTokenPut(Change.ScimTokenPut x) {
                return null; // its secret hash is unique by construction (random), as API tokens' are checked below
            }

            @Override
            public Void scimTokenRemoved(Change.ScimTokenRemoved x) {
                return null;
            }

            @Override
            public Void scimRecordPut(Change.ScimRecordPut x) {
                return null;
            }

            @Override
            public Void scimRecordRemoved(Change.ScimRecordRemoved x) {
                return null;
            }

            @Override
            public Void linkInvitePut(Change.LinkInvitePut x) {
                return null; // no unique constraint
            }

            @Override
            public Void linkInviteRemoved(Change.LinkInviteRemoved x) {
                return null; // no unique constraint
            }

            @Override
            public Void linkInviteUsed(Change.LinkInviteUsed x) {
                return null; // no unique constraint
            }

            @Override
            public Void siteShareLinkPut(Change.SiteShareLinkPut x) {
                return null; // no unique constraint
            }

            @Override
            public Void siteShareLinkRemoved(Change.SiteShareLinkRemoved x) {
                return null; // no unique constraint
            }

            @Override
            public Void accessRequestPut(Change.AccessRequestPut x) {
                requests.put(x.request().id(), x.request());
                return null;
            }

            @Override
            public Void accessRequestRemoved(Change.AccessRequestRemoved x) {
                requests.remove(x.requestId());
                return null;
            }
        };
        for (Change c : all) {
            c.accept(constrained);
        }
        Map<String, String> emails = new HashMap<>();
        for (User u : users.values()) {
            if (u.email() != null && emails.put(u.email(), u.id()) != null) {
                throw new StoreException("duplicate email " + u.email(), null, true);
            }
        }
        Map<List<Object>, String> requesters = new HashMap<>();
        for (dev.gatehouse.model.AccessRequest r : requests.values()) {
            if (requesters.put(List.of(r.resource(), r.userId()), r.id()) != null) {
                throw new StoreException("duplicate access request", null, true);
            }
        }
        Map<String, String> hashes = new HashMap<>();
        for (ApiToken t : tokens.values()) {
            if (hashes.put(t.secretHash(), t.id()) != null) {
                throw new StoreException("duplicate token hash", null, true);
            }
        }
    }

    @Override
    public synchronized Snapshot load() {
        ensureOpen();
        Rows rows = new Rows();
        data.log.forEach(e -> e.changes().forEach(rows::apply));
        return rows.snapshot(data.log.size());
    }

    @Override
    public synchronized List<ChangelogEntry> changesAfter(long revision, int limit) {
        ensureOpen();
        return data.log.stream().filter(e -> e.revision() > revision).limit(limit).toList();
    }

    @Override
    public synchronized long revision() {
        ensureOpen();
        return data.log.size();
    }

    @Override
    public synchronized long awaitChange(long afterRevision, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMillis));
        try {
            while (true) {
                long latest = revision();
                long remaining = deadline - System.nanoTime();
                if (latest > afterRevision || remaining <= 0) {
                    return latest;
                }
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return revision();
        }
    }

    @Override
    public synchronized byte[] secret(String name) {
        ensureOpen();
        return data.secrets.computeIfAbsent(name, k -> {
            byte[] b = new byte[32];
            new SecureRandom().nextBytes(b);
            return b;
        }).clone();
    }

    @Override
    public synchronized boolean ping() {
        return !closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the memory store is closed", null);
        }
    }

    /** The tables, as maps keyed like the SQL primary keys. */
    private static final class Rows {
        final Map<Object, Object> users = new HashMap<>();
        final Map<Object, Object> orgs = new HashMap<>();
        final Map<Object, Object> members = new HashMap<>();
        final Map<Object, Object> teams = new HashMap<>();
        final Map<Object, Object> places = new HashMap<>();
        final Map<Object, Object> collections = new HashMap<>();
        final Map<Object, Object> spaces = new HashMap<>();
        final Map<Object, Object> sites = new HashMap<>();
        final Map<Object, Object> siteSpaces = new HashMap<>();
        final Map<Object, Object> pages = new HashMap<>();
        final Map<Object, Object> grants = new HashMap<>();
        final Map<Object, Object> tokens = new HashMap<>();
        final Map<Object, Object> shareLinks = new HashMap<>();
        final Map<Object, Object> accessRequests = new HashMap<>();
        final Map<Object, Object> linkInvites = new HashMap<>();
        final Map<Object, Object> scimTokens = new HashMap<>();
        final Map<Object, Object> scimRecords = new HashMap<>();

        void apply(Change c) {
            c.accept(writer);
        }

        /** The rows each kind of change puts or removes. */
        private final Change.Visitor<Void> writer = new Change.Visitor<>() {
            @Override
            public Void userPut(Change.UserPut x) {
                users.put(x.user().id(), x.user());
                return null;
            }

            @Override
            public Void userRemoved(Change.UserRemoved x) {
                users.remove(x.userId());
                return null;
            }

            @Override
            public Void organizationPut(Change.OrganizationPut x) {
                orgs.put(x.organization().id(), x.organization());
                return null;
            }

            @Override
            public Void memberPut(Change.MemberPut x) {
                members.put(List.of(x.member().orgId(), x.member().userId()), x.member());
                return null;
            }

            @Override
            public Void memberRemoved(Change.MemberRemoved x) {
                members.remove(List.of(x.orgId(), x.userId()));
                return null;
            }

            @Override
            public Void teamPut(Change.TeamPut x) {
                teams.put(x.team().id(), x.team());
                return null;
            }

            @Override
            public Void teamRemoved(Change.TeamRemoved x) {
                teams.remove(x.teamId());
                return null;
            }

            @Override
            public Void teamMemberPut(Change.TeamMemberPut x) {
                places.put(List.of(x.membership().teamId(), x.membership().userId()), x.membership());
                return null;
            }

            @Override
            public Void teamMemberRemoved(Change.TeamMemberRemoved x) {
                places.remove(List.of(x.teamId(), x.userId()));
                return null;
            }

            @Override
            public Void collectionPut(Change.CollectionPut x) {
                collections.put(x.collection().id(), x.collection());
                return null;
            }

            @Override
            public Void collectionRemoved(Change.CollectionRemoved x) {
                collections.remove(x.collectionId());
                return null;
            }

            @Override
            public Void spacePut(Change.SpacePut x) {
                spaces.put(x.space().id(), x.space());
                return null;
            }

            @Override
            public Void spaceRemoved(Change.SpaceRemoved x) {
                spaces.remove(x.spaceId());
                return null;
            }

            @Override
            public Void sitePut(Change.SitePut x) {
                sites.put(x.site().id(), x.site());
                return null;
            }

            @Override
            public Void siteRemoved(Change.SiteRemoved x) {
                sites.remove(x.siteId());
                return null;
            }

            @Override
            public Void siteSpacePut(Change.SiteSpacePut x) {
                siteSpaces.put(x.siteSpace().id(), x.siteSpace());
                return null;
            }

            @Override
            public Void siteSpaceRemoved(Change.SiteSpaceRemoved x) {
                siteSpaces.remove(x.siteSpaceId());
                return null;
            }

            @Override
            public Void pagePut(Change.PagePut x) {
                pages.put(x.page().id(), x.page());
                return null;
            }

            @Override
            public Void pageRemoved(Change.PageRemoved x) {
                pages.remove(x.pageId());
                return null;
            }

            @Override
            public Void grantPut(Change.GrantPut x) {
                grants.put(List.of(x.grant().resource(), x.grant().subject()), x.grant());
                return null;
            }

            @Override
            public Void grantRemoved(Change.GrantRemoved x) {
                grants.remove(List.of(x.resource(), x.subject()));
                return null;
            }

            @Override
            public Void grantExpired(Change.GrantExpired x) {
                // As the SQL stores do: only the grant that still expires then.
                Object key = List.of(x.resource(), x.subject());
                if (grants.get(key) instanceof Grant g && x.expiresAt().equals(g.expiresAt())) {
                    grants.remove(key);
                }
                return null;
            }

            @Override
            public Void tokenPut(Change.TokenPut x) {
                tokens.put(x.token().id(), x.token());
                return null;
            }

            @Override
            public Void tokenRemoved(Change.TokenRemoved x) {
                tokens.remove(x.tokenId());
                return null;
            }

            @Override
            public Void scimTokenPut(Change.ScimTokenPut x) {
                scimTokens.put(x.token().id(), x.token());
                return null;
            }

            @Override
            public Void scimTokenRemoved(Change.ScimTokenRemoved x) {
                scimTokens.remove(x.tokenId());
                return null;
            }

            @Override
            public Void scimRecordPut(Change.ScimRecordPut x) {
                dev.gatehouse.model.ScimRecord r = x.record();
                scimRecords.put(List.of(r.orgId(), r.kind(), r.id()), r);
                return null;
            }

            @Override
            public Void scimRecordRemoved(Change.ScimRecordRemoved x) {
                scimRecords.remove(List.of(x.orgId(), x.kind(), x.id()));
                return null;
            }

            @Override
            public Void linkInvitePut(Change.LinkInvitePut x) {
                linkInvites.put(x.invite().id(), x.invite());
                return null;
            }

            @Override
            public Void linkInviteRemoved(Change.LinkInviteRemoved x) {
                linkInvites.remove(x.inviteId());
                return null;
            }

            @Override
            public Void linkInviteUsed(Change.LinkInviteUsed x) {
                Object k = linkInvites.get(x.inviteId());
                if (k != null) {
                    linkInvites.put(x.inviteId(), ((dev.gatehouse.model.LinkInvite) k).used());
                }
                return null;
            }

            @Override
            public Void siteShareLinkPut(Change.SiteShareLinkPut x) {
                shareLinks.put(x.link().id(), x.link());
                return null;
            }

            @Override
            public Void siteShareLinkRemoved(Change.SiteShareLinkRemoved x) {
                shareLinks.remove(x.shareLinkId());
                return null;
            }

            @Override
            public Void accessRequestPut(Change.AccessRequestPut x) {
                accessRequests.put(x.request().id(), x.request());
                return null;
            }

            @Override
            public Void accessRequestRemoved(Change.AccessRequestRemoved x) {
                accessRequests.remove(x.requestId());
                return null;
            }
        };

        @SuppressWarnings("unchecked")
        private static <T> List<T> list(Map<Object, Object> m) {
            return new ArrayList<>((java.util.Collection<T>) (java.util.Collection<?>) m.values());
        }

        Snapshot snapshot(long revision) {
            return new Snapshot.Builder().put(list(users), (User x) -> new Change.UserPut(x))
                    .put(list(orgs), (Organization x) -> new Change.OrganizationPut(x))
                    .put(list(members), (Member x) -> new Change.MemberPut(x))
                    .put(list(teams), (Team x) -> new Change.TeamPut(x))
                    .put(list(places), (TeamMembership x) -> new Change.TeamMemberPut(x))
                    .put(list(collections), (Collection x) -> new Change.CollectionPut(x))
                    .put(list(spaces), (Space x) -> new Change.SpacePut(x))
                    .put(list(sites), (Site x) -> new Change.SitePut(x))
                    .put(list(siteSpaces), (SiteSpace x) -> new Change.SiteSpacePut(x))
                    .put(list(pages), (Page x) -> new Change.PagePut(x))
                    .put(list(grants), (Grant x) -> new Change.GrantPut(x))
                    .put(list(tokens), (ApiToken x) -> new Change.TokenPut(x))
                    .put(list(shareLinks), (dev.gatehouse.model.ShareLink x) -> new Change.SiteShareLinkPut(x))
                    .put(list(accessRequests), (dev.gatehouse.model.AccessRequest x) -> new Change.AccessRequestPut(x))
                    .put(list(linkInvites), (dev.gatehouse.model.LinkInvite x) -> new Change.LinkInvitePut(x))
                    .put(list(scimTokens), (dev.gatehouse.model.ScimToken x) -> new Change.ScimTokenPut(x))
                    .put(list(scimRecords), (dev.gatehouse.model.ScimRecord x) -> new Change.ScimRecordPut(x))
                    .at(revision);
        }
    }
}
