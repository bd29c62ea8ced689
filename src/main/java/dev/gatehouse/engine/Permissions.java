package dev.gatehouse.engine;

import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The reads of permission-model.md over a {@link World}: effective permission, explain, aggregate, member
 * spaces and site aggregate. Every {@code Role} returned may be {@code null}, meaning none.
 *
 * <p>Callers hold the {@link Index} read lock for the whole call. Limits must be at least 1. Each list is
 * keyset-paged: it starts strictly after the cursor and reports {@code hasMore} by looking one item ahead.
 */
public final class Permissions {
    private Permissions() {
    }

    /**
     * The effective permission of a user on a collection, space, site or page; null (none) for an
     * unknown resource, a non-member or a disabled member.
     */
    public static Role effective(World w, String userId, ResourceRef r) {
        return Resolver.effective(w, userId, r, null);
    }

    /** The levels visited to reach {@link #effective}; its permission always equals it. */
    public static Explanation explain(World w, String userId, ResourceRef r) {
        List<Step> steps = new ArrayList<>();
        Role permission = Resolver.effective(w, userId, r, steps);
        return new Explanation(permission, steps);
    }

    /**
     * Every enabled member with access to {@code r}, with their permission, by user id ascending, starting
     * after {@code afterUserId}; {@code exactly}, when given, keeps only that permission.
     */
    public static AggregatePage aggregate(World w, ResourceRef r, Role exactly, String afterUserId, int limit) {
        return Aggregates.aggregate(w, r, exactly, afterUserId, limit);
    }

    /**
     * The spaces of {@code orgId} that the user can access, oldest first or (descending) newest first,
     * starting after {@code after}. Empty for a non-member or a disabled member.
     */
    public static MemberSpacesPage memberSpaces(World w, String orgId, String userId, boolean descending,
                                                SpaceKey after, int limit) {
        return MemberSpaces.memberSpaces(w, orgId, userId, descending, after, limit);
    }

    /** Who can access a site and why, by user id ascending, starting after {@code afterUserId}. */
    public static SiteAggregatePage siteAggregate(World w, String siteId, String afterUserId, int limit) {
        return SiteAggregates.siteAggregate(w, siteId, afterUserId, limit);
    }
}
