package dev.gatehouse.service;

import dev.gatehouse.engine.Reads;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.SiteSpace;
import dev.gatehouse.model.SiteVisibility;
import dev.gatehouse.model.Space;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Sites and the spaces they publish. Organization admins create sites; site admins change them. */
public final class SiteService {
    private final Reads reads;
    private final Writes writes;
    private final Mint mint;

    public SiteService(Reads reads, Writes writes, Mint mint) {
        this.reads = reads;
        this.writes = writes;
        this.mint = mint;
    }

    public record SiteView(Site site, Role role, int siteSpaces) { }

    private static SiteView seen(World w, Caller caller, Site s) {
        return new SiteView(s, Guard.roleOn(w, caller, ResourceRef.site(s.id())), w.siteSpaces(s.id()).size());
    }

    /** The site, when it belongs to the organization in the path and the caller can access it. */
    public static Site site(World w, Caller caller, String orgId, String siteId) {
        Guard.member(w, caller, orgId);
        Site s = w.site(siteId);
        if (s == null || !s.orgId().equals(orgId)) {
            throw Guard.notFound(ResourceRef.site(siteId));
        }
        Guard.readable(w, caller, ResourceRef.site(siteId));
        return s;
    }

    public Slice<SiteView> list(Caller caller, String orgId, String title, Boolean published, String spaceId,
                            String after, int limit) {
        String needle = title == null ? null : title.strip().toLowerCase(Locale.ROOT);
        return reads.read(w -> {
            Guard.member(w, caller, orgId);
            var all = after == null ? w.sites(orgId) : w.sites(orgId).tailMap(after, false);
            Slice<Site> slice = Paging.take(all.values(), s ->
                    (needle == null || s.title().toLowerCase(Locale.ROOT).contains(needle))
                            && (published == null || s.published() == published)
                            && (spaceId == null || w.sitesPublishing(spaceId).contains(s.id()))
                            && Guard.roleOn(w, caller, ResourceRef.site(s.id())) != null, limit, Site::id);
            return Paging.map(slice, s -> seen(w, caller, s));
        });
    }

    public Written<SiteView> create(Caller caller, String orgId, String title, SiteVisibility visibility, List<String> spaceIds) {
        String t = title == null ? "Untitled site" : Validate.text("title", title, 2, 128);
        List<String> spaces = spaceIds == null ? List.of() : spaceIds;
        if (spaces.size() > Paging.MAX_LIMIT) {
            throw ApiException.badRequest("at most " + Paging.MAX_LIMIT + " spaces per request");
        }
        return writes.write(caller, w -> {
            Guard.orgAdmin(w, caller, orgId);
            Site site = new Site(mint.newId(), orgId, t, DefaultLevel.INHERIT,
                    visibility == null ? SiteVisibility.PUBLIC : visibility, true, mint.now());
            List<Change> changes = new ArrayList<>();
            changes.add(new Change.SitePut(site));
            long position = 0;
            for (String spaceId : new LinkedHashSet<>(spaces)) {
                Space space = publishable(w, caller, orgId, spaceId);
                changes.add(new Change.SiteSpacePut(new SiteSpace(mint.newId(), site.id(), space.id(),
                        pathFor(space, position), position, site.createdAt())));
                position++;
            }
            return Plan.viewed(changes, written -> seen(written, caller, site));
        });
    }

    public SiteView get(Caller caller, String orgId, String siteId) {
        return reads.read(w -> seen(w, caller, site(w, caller, orgId, siteId)));
    }

    public Written<SiteView> update(Caller caller, String orgId, String siteId, String title, SiteVisibility visibility,
                                DefaultLevel level) {
        if (title == null && visibility == null && level == null) {
            throw ApiException.badRequest("give at least one of 'title', 'visibility' and 'defaultLevel'");
        }
        String t = title == null ? null : Validate.text("title", title, 2, 128);
        return writes.write(caller, w -> {
            Site s = site(w, caller, orgId, siteId);
            Guard.admin(w, caller, ResourceRef.site(siteId));
            Site c = new Site(s.id(), s.orgId(), t != null ? t : s.title(), level != null ? level : s.defaultLevel(),
                    visibility != null ? visibility : s.visibility(), s.published(), s.createdAt());
            return Plan.viewed(List.of(new Change.SitePut(c)), written -> seen(written, caller, c));
        });
    }

    /** Deletes a site with its site-spaces, grants, share links and access requests. */
    public Written<Boolean> delete(Caller caller, String orgId, String siteId) {
        return writes.write(caller, w -> {
            site(w, caller, orgId, siteId);
            Guard.admin(w, caller, ResourceRef.site(siteId));
            List<Change> changes = new ArrayList<>();
            for (SiteSpace ss : w.siteSpaces(siteId)) {
                // Deleting the site removes its level from every space it publishes.
                Guard.admin(w, caller, ResourceRef.space(ss.spaceId()));
                changes.add(new Change.SiteSpaceRemoved(ss.id()));
            }
            ContentService.removeGrants(w, ResourceRef.site(siteId), changes);
            ShareLinkService.removeLinks(w, siteId, changes);
            AccessRequestService.removeRequests(w, ResourceRef.site(siteId), changes);
            changes.add(new Change.SiteRemoved(siteId));
            return Plan.of(changes, true);
        });
    }

    /** A published space: the site-space, its space, the caller's permission on it, and whether it is the default. */
    public record SiteSpaceView(SiteSpace siteSpace, Space space, Role role, boolean isDefault) { }

    /**
     * The spaces a site publishes, in order. The first one is the site's default (what a visitor of the
     * site's root sees); {@code defaultOnly} true keeps only it, false only the others.
     */
    public Slice<SiteSpaceView> siteSpaces(Caller caller, String orgId, String siteId, Boolean defaultOnly, String after,
                                           int limit) {
        return reads.read(w -> {
            site(w, caller, orgId, siteId);
            var all = w.siteSpaces(siteId);
            String first = all.isEmpty() ? null : all.first().id();
            var source = after == null ? all : all.tailSet(SiteSpaceKeys.parse(siteId, after), false);
            Slice<SiteSpace> slice = Paging.take(source,
                    ss -> defaultOnly == null || defaultOnly == ss.id().equals(first), limit, SiteSpaceKeys::of);
            return Paging.map(slice, ss -> new SiteSpaceView(ss, w.space(ss.spaceId()),
                    Guard.roleOn(w, caller, ResourceRef.space(ss.spaceId())), ss.id().equals(first)));
        });
    }

    public Written<SiteSpaceView> addSpace(Caller caller, String orgId, String siteId, String spaceId) {
        if (spaceId == null) {
            throw ApiException.badRequest("'spaceId' is required: Gatehouse publishes existing spaces only");
        }
        return writes.write(caller, w -> {
            site(w, caller, orgId, siteId);
            Guard.admin(w, caller, ResourceRef.site(siteId));
            Space space = publishable(w, caller, orgId, spaceId);
            long position = w.siteSpaces(siteId).isEmpty() ? 0 : w.siteSpaces(siteId).last().position() + 1;
            SiteSpace ss = new SiteSpace(mint.newId(), siteId, space.id(), pathFor(space, position), position, mint.now());
            return Plan.viewed(List.of(new Change.SiteSpacePut(ss)), written -> new SiteSpaceView(ss,
                    written.space(spaceId), Guard.roleOn(written, caller, ResourceRef.space(spaceId)),
                    written.siteSpaces(siteId).first().id().equals(ss.id())));
        });
    }

    public Written<Boolean> removeSpace(Caller caller, String orgId, String siteId, String siteSpaceId) {
        return writes.write(caller, w -> {
            site(w, caller, orgId, siteId);
            Guard.admin(w, caller, ResourceRef.site(siteId));
            SiteSpace ss = w.siteSpace(siteSpaceId);
            if (ss == null || !ss.siteId().equals(siteId)) {
                return Plan.nothing(false);
            }
            // Taking the site level away from a space changes who can reach it, too.
            Guard.admin(w, caller, ResourceRef.space(ss.spaceId()));
            return Plan.of(List.of(new Change.SiteSpaceRemoved(siteSpaceId)), true);
        });
    }

    /**
     * A space this site may publish. Publishing puts the site's grants above the space, so it changes who
     * can reach the space: the caller needs admin on the space, as for any change of access (404 when they
     * cannot see it, 403 when they can but are not its admin).
     */
    private static Space publishable(World w, Caller caller, String orgId, String spaceId) {
        Space space = w.space(spaceId);
        if (space == null || !space.orgId().equals(orgId) || Guard.roleOn(w, caller, ResourceRef.space(spaceId)) == null) {
            throw ApiException.badRequest("'" + spaceId + "' is not a space of organization '" + orgId + "'");
        }
        if (space.deleted()) {
            throw ApiException.badRequest("space '" + spaceId + "' is in the trash; restore it before publishing it");
        }
        Guard.admin(w, caller, ResourceRef.space(spaceId));
        return space;
    }

    private static String pathFor(Space space, long position) {
        String slug = space.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "space-" + (position + 1) : slug.length() > 90 ? slug.substring(0, 90) : slug;
    }

    /** Keyset position of a site-space: position and id. */
    static final class SiteSpaceKeys {
        private SiteSpaceKeys() {
        }

        static String of(SiteSpace ss) {
            return ss.position() + ":" + ss.id();
        }

        static SiteSpace parse(String siteId, String key) {
            int colon = key.indexOf(':');
            return new SiteSpace(key.substring(colon + 1), siteId, "-", "-", Long.parseLong(key.substring(0, colon)),
                    java.time.Instant.EPOCH);
        }
    }
}
