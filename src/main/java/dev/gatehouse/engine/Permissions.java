package dev.gatehouse.engine;

import dev.gatehouse.model.Explanation.Step;
import dev.gatehouse.model.Explanation;
import dev.gatehouse.model.Origin;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Space;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The reads of permission-model.md over a {@link World}: effective permission, explain, aggregate, member
 * spaces and site aggregate, and the records they answer with. Every {@code Role} returned may be
 * {@code null}, meaning none.
 *
 * <p>This class is only the front door; the rules live in {@link Resolver} (one user, one resource),
 * {@link Candidates} and {@link Aggregates}, {@link MemberSpaces} and {@link SiteAggregates}.
 * Callers hold the {@link Index} read lock for the whole call. Limits must be at least 1. Each list is
 * keyset-paged: it starts strictly after the cursor and reports {@code hasMore} by looking one item ahead.
 *
 * <p>Every answer is made at one instant: the one the read pinned (see {@link Index#read}), else the
 * world's clock's when the call starts. A grant whose expiry is at or before it counts for nothing.
 */
public final class Permissions {
    private Permissions() {
    }

    /**
     * The effective permission of a user on a collection, space, site or page; null (none) for an
     * unknown resource, a non-member or a disabled member.
     */
    public static Role effective(World w, String userId, ResourceRef r) {
        return Resolver.effective(w, userId, r, w.now(), null);
    }

    /** The levels visited to reach {@link #effective}; its permission always equals it. */
    public static Explanation explain(World w, String userId, ResourceRef r) {
        List<Step> steps = new ArrayList<>();
        Role permission = Resolver.effective(w, userId, r, w.now(), new Resolver.Trace(steps));
        return new Explanation(permission, steps);
    }

    /**
     * Every enabled member with access to {@code r}, with their permission, by user id ascending, starting
     * after {@code afterUserId}; {@code exactly}, when given, keeps only that permission.
     */
    public static AggregatePage aggregate(World w, ResourceRef r, Role exactly, String afterUserId, int limit) {
        long before = w.time().pinNowUnlessPinned();
        try {
            return Aggregates.aggregate(w, r, exactly, afterUserId, limit);
        } finally {
            w.time().unpin(before);
        }
    }

    /**
     * The spaces of {@code orgId} that the user can access, oldest first or (descending) newest first,
     * starting after {@code after}. Empty for a non-member or a disabled member.
     */
    public static MemberSpacesPage memberSpaces(World w, String orgId, String userId, boolean descending,
                                                SpaceKey after, int limit) {
        return MemberSpaces.memberSpaces(w, orgId, userId, descending, after, limit, w.now());
    }

    /** Who can access a site and why, by user id ascending, starting after {@code afterUserId}. */
    public static SiteAggregatePage siteAggregate(World w, String siteId, String afterUserId, int limit) {
        long before = w.time().pinNowUnlessPinned();
        try {
            return SiteAggregates.siteAggregate(w, siteId, afterUserId, limit);
        } finally {
            w.time().unpin(before);
        }
    }

    // ------------------------------------------------------------------ results

    /**
     * One line of an aggregate: a user and their effective permission (never none), and when the grant that
     * gives it expires ({@code null}: it does not, or no grant gives it). Then the permission is worked out
     * again from what is left, and may be lower, higher or none.
     */
    public record MemberAccess(String userId, Role role, Instant expiresAt) {
        public MemberAccess(String userId, Role role) {
            this(userId, role, null);
        }
    }

    /** A page of an aggregate, by user id ascending; {@code hasMore} when another matching user follows it. */
    public record AggregatePage(List<MemberAccess> items, boolean hasMore) {
        public AggregatePage {
            items = List.copyOf(items);
        }
    }

    /** A keyset position in {@link World#SPACE_ORDER}: the creation time and id of a space. */
    public record SpaceKey(Instant createdAt, String id) {
        public SpaceKey {
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(id, "id");
        }
    }

    /** One line of member spaces: a space and the member's effective permission on it (never none). */
    public record SpaceAccess(Space space, Role role) {
    }

    /** A page of member spaces, in {@link World#SPACE_ORDER} or its reverse; {@code hasMore} when another follows. */
    public record MemberSpacesPage(List<SpaceAccess> items, boolean hasMore) {
        public MemberSpacesPage {
            items = List.copyOf(items);
        }
    }

    /**
     * One line of a site aggregate. A disabled member is listed with the permission they would have if
     * enabled and {@code disabled = true}. {@code expiresAt}: when the grant that gives the permission expires,
     * as in {@link Access}.
     */
    public record SiteAccess(String userId, Role role, boolean disabled, Origin origin, Instant expiresAt) {
        public SiteAccess(String userId, Role role, boolean disabled, Origin origin) {
            this(userId, role, disabled, origin, null);
        }
    }

    /** A page of a site aggregate, by user id ascending; {@code hasMore} when another listed member follows. */
    public record SiteAggregatePage(List<SiteAccess> items, boolean hasMore) {
        public SiteAggregatePage {
            items = List.copyOf(items);
        }
    }

}
