package dev.gatehouse.service;

import dev.gatehouse.engine.Reads;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Space;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages of a space, each with permissions of its own: a page inherits from its parent page, then its
 * space, unless its {@code defaultLevel} or its grants say otherwise.
 *
 * <p>Writing content (creating, renaming, reordering) needs {@code edit}; what changes who has access
 * (the default level, moving under another parent, deleting) needs {@code admin} on the page.
 */
public final class PageService {
    private final Reads reads;
    private final Writes writes;
    private final Mint mint;

    /** The largest position a page may be given: room for any ordering a client needs. */
    public static final long MAX_POSITION = 999_999_999_999_999L;

    public PageService(Reads reads, Writes writes, Mint mint) {
        this.reads = reads;
        this.writes = writes;
        this.mint = mint;
    }

    /** A page with the caller's permission on it, its depth in the tree and its keyset position. */
    public record PageView(Page page, Role role, int depth, String key) { }

    /** The pages of a space the caller can access, depth first, siblings in order. */
    public Slice<PageView> list(Caller caller, String spaceId, String after, int limit) {
        return reads.read(w -> {
            Space s = w.space(spaceId);
            if (s == null) {
                throw Guard.notFound(ResourceRef.space(spaceId));
            }
            List<PageView> all = new ArrayList<>();
            for (PageView v : treeOrder(w, spaceId)) {
                Role role = Guard.roleOn(w, caller, ResourceRef.page(v.page().id()));
                if (role != null) {
                    all.add(new PageView(v.page(), role, v.depth(), v.key()));
                }
            }
            if (all.isEmpty() && Guard.roleOn(w, caller, ResourceRef.space(spaceId)) == null) {
                throw Guard.notFound(ResourceRef.space(spaceId));
            }
            Iterable<PageView> from = after == null ? all
                    : all.stream().filter(v -> v.key().compareTo(after) > 0).toList();
            return Paging.take(from, v -> true, limit, PageView::key);
        });
    }

    public PageView get(Caller caller, String spaceId, String pageId) {
        return reads.read(w -> view(w, caller, visible(w, caller, spaceId, pageId)));
    }

    public Written<PageView> create(Caller caller, String spaceId, String title, String parentId, DefaultLevel level,
                                    Long position) {
        String t = Validate.text("title", title, 1, 200);
        checkPosition(position);
        return writes.write(caller, w -> {
            // Someone given only a page may add pages under it without seeing its space. Anyone else who
            // cannot see the space is told it does not exist, whatever the parent: a different answer for a
            // parent would tell them that a space of another organization exists.
            Space s = w.space(spaceId);
            boolean seesSpace = s != null && Guard.roleOn(w, caller, ResourceRef.space(spaceId)) != null;
            if (!seesSpace && !(s != null && parentId != null && seesPage(w, caller, spaceId, parentId))) {
                throw Guard.notFound(ResourceRef.space(spaceId));
            }
            requireEditIn(w, caller, spaceId, parentId);
            long pos = position != null ? position : nextPosition(w, spaceId, parentId);
            Page p = new Page(mint.newId(), spaceId, parentId, t, level == null ? DefaultLevel.INHERIT : level, pos, mint.now());
            List<Change> changes = new ArrayList<>();
            if (position != null) {
                makeRoom(w, p, changes);
            }
            changes.add(new Change.PagePut(p));
            return Plan.viewed(changes, written -> view(written, caller, p));
        });
    }

    /** Changes a page. {@code parentGiven} with a null {@code parentId} moves it to the top of its space. */
    public Written<PageView> update(Caller caller, String spaceId, String pageId, String title, DefaultLevel level,
                                    boolean parentGiven, String parentId, Long position) {
        if (title == null && level == null && !parentGiven && position == null) {
            throw ApiException.badRequest("give at least one of 'title', 'defaultLevel', 'parent' and 'position'");
        }
        String t = title == null ? null : Validate.text("title", title, 1, 200);
        checkPosition(position);
        return writes.write(caller, w -> {
            Page p = visible(w, caller, spaceId, pageId);
            Role role = Guard.roleOn(w, caller, ResourceRef.page(pageId));
            boolean changesAccess = level != null || (parentGiven && !java.util.Objects.equals(parentId, p.parentId()));
            if (changesAccess ? role != Role.ADMIN : !role.atLeast(Role.EDIT)) {
                throw ApiException.forbidden("you need the " + (changesAccess ? "admin" : "edit") + " permission on page '"
                        + pageId + "' to do this; yours is " + role.wire());
            }
            String newParent = parentGiven ? parentId : p.parentId();
            if (parentGiven && !java.util.Objects.equals(parentId, p.parentId())) {
                requireEditIn(w, caller, spaceId, parentId);
                for (String a = parentId; a != null; a = w.page(a).parentId()) {
                    if (a.equals(pageId)) {
                        throw ApiException.badRequest("cannot move page '" + pageId + "' under itself or one of its own "
                                + "pages ('" + parentId + "')");
                    }
                }
            }
            long pos = position != null ? position
                    : parentGiven && !java.util.Objects.equals(parentId, p.parentId()) ? nextPosition(w, spaceId, parentId)
                    : p.position();
            Page c = new Page(p.id(), spaceId, newParent, t != null ? t : p.title(), level != null ? level : p.defaultLevel(),
                    pos, p.createdAt());
            List<Change> changes = new ArrayList<>();
            if (position != null) {
                makeRoom(w, c, changes);
            }
            changes.add(new Change.PagePut(c));
            return Plan.viewed(changes, written -> view(written, caller, c));
        });
    }

    /** Deletes a page with the pages under it and their grants. */
    public Written<Boolean> delete(Caller caller, String spaceId, String pageId) {
        return writes.write(caller, w -> {
            // A page the caller cannot see is, to them, not there: nothing to remove, as for one that never was.
            if (!seesPage(w, caller, spaceId, pageId)) {
                return Plan.nothing(false);
            }
            Guard.admin(w, caller, ResourceRef.page(pageId));
            List<Change> changes = new ArrayList<>();
            List<PageView> order = treeOrder(w, spaceId);
            String prefix = order.stream().filter(v -> v.page().id().equals(pageId)).findFirst().orElseThrow().key();
            // Children first, so no change ever leaves a page pointing at a removed parent.
            for (int i = order.size() - 1; i >= 0; i--) {
                PageView v = order.get(i);
                if (v.key().equals(prefix) || v.key().startsWith(prefix + "/")) {
                    ContentService.removeGrants(w, ResourceRef.page(v.page().id()), changes);
                    changes.add(new Change.PageRemoved(v.page().id()));
                }
            }
            return Plan.of(changes, true);
        });
    }

    /** Whether the page exists, is in the space, and the caller can access it. */
    private static boolean seesPage(World w, Caller caller, String spaceId, String pageId) {
        Page p = w.page(pageId);
        return p != null && p.spaceId().equals(spaceId) && Guard.roleOn(w, caller, ResourceRef.page(pageId)) != null;
    }

    /** The page, when it is in the space and the caller can access it; 404 otherwise. */
    public static Page visible(World w, Caller caller, String spaceId, String pageId) {
        Page p = w.page(pageId);
        if (!seesPage(w, caller, spaceId, pageId)) {
            throw ApiException.notFound("no page with id '" + pageId + "' in space '" + spaceId + "'");
        }
        return p;
    }

    private static PageView view(World w, Caller caller, Page p) {
        int depth = 0;
        for (String a = p.parentId(); a != null; a = w.page(a).parentId()) {
            depth++;
        }
        return new PageView(p, Guard.roleOn(w, caller, ResourceRef.page(p.id())), depth, null);
    }

    /** New pages go where the caller may edit: the parent page, or the space at the top. */
    private static void requireEditIn(World w, Caller caller, String spaceId, String parentId) {
        ResourceRef where = parentId == null ? ResourceRef.space(spaceId) : ResourceRef.page(parentId);
        if (parentId != null) {
            Page parent = w.page(parentId);
            if (parent == null || !parent.spaceId().equals(spaceId) || Guard.roleOn(w, caller, where) == null) {
                throw ApiException.badRequest("'parent' must be a page of space '" + spaceId + "'; '" + parentId + "' is not");
            }
        }
        Role role = Guard.roleOn(w, caller, where);
        if (role == null) {
            throw Guard.notFound(where);
        }
        if (!role.atLeast(Role.EDIT)) {
            throw ApiException.forbidden("adding pages to " + where.type().wire() + " '" + where.id()
                    + "' needs the edit permission; yours is " + role.wire());
        }
    }

    /**
     * A page given an explicit position is inserted there: siblings at or after it move down by one, so
     * sibling order never depends on ids.
     */
    private static void makeRoom(World w, Page placed, List<Change> changes) {
        boolean taken = false;
        for (Page sibling : w.pages(placed.spaceId())) {
            if (!sibling.id().equals(placed.id()) && java.util.Objects.equals(sibling.parentId(), placed.parentId())
                    && sibling.position() == placed.position()) {
                taken = true;
            }
        }
        if (!taken) {
            return;
        }
        for (Page sibling : w.pages(placed.spaceId())) {
            if (!sibling.id().equals(placed.id()) && java.util.Objects.equals(sibling.parentId(), placed.parentId())
                    && sibling.position() >= placed.position()) {
                changes.add(new Change.PagePut(new Page(sibling.id(), sibling.spaceId(), sibling.parentId(), sibling.title(),
                        sibling.defaultLevel(), sibling.position() + 1, sibling.createdAt())));
            }
        }
    }

    private static void checkPosition(Long position) {
        if (position != null && (position < 0 || position > MAX_POSITION)) {
            throw ApiException.badRequest("'position' must be a whole number from 0 to " + MAX_POSITION);
        }
    }

    private static long nextPosition(World w, String spaceId, String parentId) {
        long max = -1;
        for (Page p : w.pages(spaceId)) {
            if (java.util.Objects.equals(p.parentId(), parentId)) {
                max = Math.max(max, p.position());
            }
        }
        return max + 1;
    }

    /** Every page of the space depth first; a key is the path of (position, id) from the top, so keys sort in that order. */
    static List<PageView> treeOrder(World w, String spaceId) {
        Map<String, List<Page>> children = new HashMap<>();
        for (Page p : w.pages(spaceId)) {
            children.computeIfAbsent(p.parentId() == null ? "" : p.parentId(), k -> new ArrayList<>()).add(p);
        }
        List<PageView> out = new ArrayList<>();
        Deque<PageView> stack = new ArrayDeque<>();
        List<Page> top = children.getOrDefault("", List.of());
        for (int i = top.size() - 1; i >= 0; i--) {
            stack.push(new PageView(top.get(i), null, 0, segment(top.get(i))));
        }
        while (!stack.isEmpty()) {
            PageView v = stack.pop();
            out.add(v);
            List<Page> kids = children.getOrDefault(v.page().id(), List.of());
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(new PageView(kids.get(i), null, v.depth() + 1, v.key() + "/" + segment(kids.get(i))));
            }
        }
        return out;
    }

    private static String segment(Page p) {
        // Positions are 0..MAX_POSITION (checked at the API), so zero-padding makes them sort as text.
        return String.format("%016d", p.position()) + ":" + p.id();
    }
}
