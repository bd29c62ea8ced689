package dev.gatehouse.service;

import dev.gatehouse.engine.Reads;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ShareLink;
import java.util.List;
import java.util.Locale;

/**
 * Site share links: private links that let whoever holds one read the site and the spaces it publishes.
 * Whoever may administer the site manages its links (lists them, with their URLs, creates, renames,
 * deactivates and deletes them); a deactivated or deleted link reads nothing from the next check on.
 */
public final class ShareLinkService {
    private final Reads reads;
    private final Writes writes;
    private final Mint mint;
    private final ShareLinkKeys keys;

    public ShareLinkService(Reads reads, Writes writes, Mint mint, ShareLinkKeys keys) {
        this.reads = reads;
        this.writes = writes;
        this.mint = mint;
        this.keys = keys;
    }

    /** A link with its key, for those who manage it. */
    public record View(ShareLink link, String key) { }

    private View view(ShareLink l) {
        return new View(l, keys.key(l.id()));
    }

    /** The site's links by id; {@code search} keeps those whose name contains it (any case) or whose key it is. */
    public Slice<View> list(Caller caller, String orgId, String siteId, String search, String after, int limit) {
        String needle = search == null || search.isBlank() ? null : search.strip().toLowerCase(Locale.ROOT);
        return reads.read(w -> {
            manage(w, caller, orgId, siteId);
            var all = w.shareLinks(siteId);
            var source = after == null ? all : all.tailMap(after, false);
            Slice<ShareLink> slice = Paging.take(source.values(), l -> needle == null
                    || l.name().toLowerCase(Locale.ROOT).contains(needle) || keys.key(l.id()).equals(search.strip()),
                    limit, ShareLink::id);
            return Paging.map(slice, this::view);
        });
    }

    public Written<View> create(Caller caller, String orgId, String siteId, String name) {
        String n = name(name);
        return writes.write(caller, w -> {
            manage(w, caller, orgId, siteId);
            ShareLink link = new ShareLink(mint.newId(), siteId, n, true, mint.now());
            return Plan.of(List.of(new Change.SiteShareLinkPut(link)), view(link));
        });
    }

    /** Renames and/or (de)activates a link; at least one of the two is given. */
    public Written<View> update(Caller caller, String orgId, String siteId, String linkId, String name, Boolean active) {
        if (name == null && active == null) {
            throw ApiException.badRequest("give 'name' or 'active' (or both)");
        }
        String n = name == null ? null : name(name);
        return writes.write(caller, w -> {
            ShareLink old = link(w, caller, orgId, siteId, linkId);
            ShareLink changed = new ShareLink(old.id(), old.siteId(), n == null ? old.name() : n,
                    active == null ? old.active() : active, old.createdAt());
            return changed.equals(old) ? Plan.nothing(view(old))
                    : Plan.of(List.of(new Change.SiteShareLinkPut(changed)), view(changed));
        });
    }

    /** Deletes a link: true when there was one. */
    public Written<Boolean> delete(Caller caller, String orgId, String siteId, String linkId) {
        return writes.write(caller, w -> {
            manage(w, caller, orgId, siteId);
            ShareLink old = w.shareLink(linkId);
            if (old == null || !old.siteId().equals(siteId)) {
                return Plan.nothing(false);
            }
            return Plan.of(List.of(new Change.SiteShareLinkRemoved(linkId)), true);
        });
    }

    /** The site's removal takes its links with it: the changes that remove them, before the site's own. */
    static void removeLinks(World w, String siteId, List<Change> changes) {
        for (String id : w.shareLinks(siteId).keySet()) {
            changes.add(new Change.SiteShareLinkRemoved(id));
        }
    }

    private static void manage(World w, Caller caller, String orgId, String siteId) {
        SiteService.site(w, caller, orgId, siteId);
        Guard.admin(w, caller, ResourceRef.site(siteId));
    }

    private static ShareLink link(World w, Caller caller, String orgId, String siteId, String linkId) {
        manage(w, caller, orgId, siteId);
        ShareLink l = w.shareLink(linkId);
        if (l == null || !l.siteId().equals(siteId)) {
            throw ApiException.notFound("no share link with id '" + linkId + "' on site '" + siteId + "'");
        }
        return l;
    }

    private static String name(String name) {
        if (name == null) {
            throw ApiException.badRequest("'name' is required: the share link's name, up to "
                    + ShareLink.MAX_NAME + " characters");
        }
        if (name.codePointCount(0, name.length()) > ShareLink.MAX_NAME) {
            throw ApiException.badRequest("'name' is at most " + ShareLink.MAX_NAME + " characters");
        }
        return name;
    }
}
