package dev.gatehouse.engine;

import dev.gatehouse.model.Explanation;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.ShareLink;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.Space;
import java.util.List;

/**
 * What a site share link can read (permission-model.md, "Share links"): its site and the spaces the site
 * publishes, at {@code read}, while the link is active; nothing else. A share link is a subject of its own:
 * it never adds to a user's permission, and no grant, default or role reaches it.
 */
public final class ShareLinks {
    /** The level every step of a share link's explanation names. */
    public static final String LEVEL = "share-link";

    private ShareLinks() {
    }

    /** The link's permission on the resource: {@code read} or null (none). */
    public static Role access(World w, String shareLinkId, ResourceRef r) {
        return explain(w, shareLinkId, r).permission();
    }

    /**
     * Why the link has the permission it has, in one step: {@code rule} is {@code not-found} (no such link, or
     * one of another organization), {@code inactive}, {@code site} (the link's own site), {@code published-space}
     * (a space its site publishes), {@code deleted} (such a space, in the trash) or {@code not-published}
     * (anything else: other sites, spaces the site does not publish, collections, pages).
     */
    public static Explanation explain(World w, String shareLinkId, ResourceRef r) {
        ShareLink link = shareLinkId == null ? null : w.shareLink(shareLinkId);
        Site site = link == null ? null : w.site(link.siteId());
        if (site == null || !site.orgId().equals(w.organizationOf(r))) {
            return one(shareLinkId, "not-found", null);
        }
        if (!link.active()) {
            return one(link.id(), "inactive", null);
        }
        switch (r.type()) {
            case SITE:
                return r.id().equals(site.id()) ? one(link.id(), "site", Role.READ) : one(link.id(), "not-published", null);
            case SPACE:
                if (!w.sitesPublishing(r.id()).contains(site.id())) {
                    return one(link.id(), "not-published", null);
                }
                Space s = w.space(r.id());
                return s.deleted() ? one(link.id(), "deleted", null) : one(link.id(), "published-space", Role.READ);
            default:
                return one(link.id(), "not-published", null);
        }
    }

    private static Explanation one(String id, String rule, Role role) {
        return new Explanation(role, List.of(new Explanation.Step(LEVEL, id, rule, role, true, null)));
    }
}
