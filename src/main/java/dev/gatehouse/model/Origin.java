package dev.gatehouse.model;

/** Where a site aggregate line's permission comes from (the {@code origin} object of the API). */
public sealed interface Origin {
    /** The member's organization role: an admin, or a non-guest member of a site that inherits. */
    record OrganizationOrigin(String orgId) implements Origin {
    }

    /**
     * The site's own rules. {@code reason} is {@code "member"} (a user grant), {@code "team"} (a team
     * grant; {@code teamId} names the team) or {@code "default"} (the site's default level).
     */
    record SiteOrigin(String siteId, String reason, String teamId) implements Origin {
    }

    /** A space the site publishes. */
    record SpaceOrigin(String spaceId) implements Origin {
    }
}
