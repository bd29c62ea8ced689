package dev.gatehouse.service;

import dev.gatehouse.engine.Reads;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.model.Visibility;
import dev.gatehouse.model.Grant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collections and spaces: creating, reading, changing, moving, deleting and restoring them.
 *
 * <p>Creating content needs the {@code create} permission where it goes (the parent collection, or the
 * member role at the top of the organization); changing or deleting it needs {@code admin} on it.
 */
public final class ContentService {
    private final Reads reads;
    private final Writes writes;
    private final Mint mint;

    public ContentService(Reads reads, Writes writes, Mint mint) {
        this.reads = reads;
        this.writes = writes;
        this.mint = mint;
    }

    /** An object together with the caller's permission on it (null: none, for a public space seen by anyone). */
    public record ContentView<T>(T value, Role role) { }

    // ---------------------------------------------------------------- collections

    public Slice<ContentView<Collection>> collections(Caller caller, String orgId, boolean nested, String after, int limit) {
        return reads.read(w -> {
            Guard.member(w, caller, orgId);
            var all = after == null ? w.collections(orgId) : w.collections(orgId).tailMap(after, false);
            // The caller's permission is computed once per collection: it both filters and is presented.
            Iterable<ContentView<Collection>> source = () -> all.values().stream()
                    .filter(c -> nested || c.parentId() == null)
                    .map(c -> new ContentView<>(c, Guard.roleOn(w, caller, ResourceRef.collection(c.id()))))
                    .iterator();
            return Paging.take(source, seen -> seen.role() != null, limit, seen -> seen.value().id());
        });
    }

    public Written<ContentView<Collection>> createCollection(Caller caller, String orgId, String title, String description,
                                                      String parentId, DefaultLevel level) {
        String t = title == null ? "Untitled" : Validate.text("title", title, 1, 50);
        String d = Validate.optionalText("description", description, 100);
        return writes.write(caller, w -> {
            requireCreateIn(w, caller, orgId, parentId);
            Collection c = new Collection(mint.newId(), orgId, parentId, t, d,
                    level == null ? DefaultLevel.INHERIT : level, mint.now());
            return Plan.viewed(List.of(new Change.CollectionPut(c)), withRole(c, ResourceRef.collection(c.id()), caller));
        });
    }

    public ContentView<Collection> collection(Caller caller, String id) {
        return reads.read(w -> {
            Role role = Guard.readable(w, caller, ResourceRef.collection(id));
            return new ContentView<>(w.collection(id), role);
        });
    }

    public Written<ContentView<Collection>> updateCollection(Caller caller, String id, String title, String description,
                                                      boolean descriptionGiven, DefaultLevel level) {
        if (title == null && !descriptionGiven && level == null) {
            throw ApiException.badRequest("give at least one of 'title', 'description' and 'defaultLevel'");
        }
        String t = title == null ? null : Validate.text("title", title, 1, 50);
        String d = Validate.optionalText("description", description, 100);
        return writes.write(caller, w -> {
            Role role = Guard.admin(w, caller, ResourceRef.collection(id));
            Collection c = w.collection(id);
            Collection changed = new Collection(c.id(), c.orgId(), c.parentId(), t != null ? t : c.title(),
                    descriptionGiven ? d : c.description(), level != null ? level : c.defaultLevel(), c.createdAt());
            return Plan.of(List.of(new Change.CollectionPut(changed)), new ContentView<>(changed, role));
        });
    }

    /** Deletes an empty collection with its grants; a collection that still holds content is a 409. */
    public Written<Boolean> deleteCollection(Caller caller, String id) {
        return writes.write(caller, w -> {
            Guard.admin(w, caller, ResourceRef.collection(id));
            if (!w.childCollections(id).isEmpty() || !w.spacesIn(id).isEmpty()) {
                throw ApiException.conflict("collection '" + id + "' still holds collections or spaces; "
                        + "move or delete them first");
            }
            List<Change> changes = new ArrayList<>();
            removeGrants(w, ResourceRef.collection(id), changes);
            changes.add(new Change.CollectionRemoved(id));
            return Plan.of(changes, true);
        });
    }

    public Written<ContentView<Collection>> moveCollection(Caller caller, String id, String newParent) {
        return writes.write(caller, w -> {
            Role role = Guard.admin(w, caller, ResourceRef.collection(id));
            Collection c = w.collection(id);
            requireCreateIn(w, caller, c.orgId(), newParent);
            for (String p = newParent; p != null; p = w.collection(p).parentId()) {
                if (p.equals(id)) {
                    throw ApiException.badRequest("cannot move collection '" + id + "' into itself or one of its "
                            + "own collections ('" + newParent + "')");
                }
            }
            Collection moved = new Collection(c.id(), c.orgId(), newParent, c.title(), c.description(),
                    c.defaultLevel(), c.createdAt());
            return Plan.of(List.of(new Change.CollectionPut(moved)), new ContentView<>(moved, role));
        });
    }

    public Slice<ContentView<Space>> spacesInCollection(Caller caller, String id, String after, int limit) {
        return reads.read(w -> {
            Guard.readable(w, caller, ResourceRef.collection(id));
            var all = w.spacesIn(id);
            return visibleSpaces(w, caller, after == null ? all : all.tailSet(keyOf(after), false), limit);
        });
    }

    // ---------------------------------------------------------------- spaces

    /** Spaces of an organization the caller can access, in creation order; the trash is not listed. */
    public Slice<ContentView<Space>> spaces(Caller caller, String orgId, String after, int limit) {
        return reads.read(w -> {
            Guard.member(w, caller, orgId);
            var all = w.spaces(orgId);
            return visibleSpaces(w, caller, after == null ? all : all.tailSet(keyOf(after), false), limit);
        });
    }

    private static Slice<ContentView<Space>> visibleSpaces(World w, Caller caller, Iterable<Space> source, int limit) {
        // The caller's permission is computed once per space: it both filters and is presented.
        Iterable<ContentView<Space>> seen = () -> java.util.stream.StreamSupport.stream(source.spliterator(), false)
                .filter(s -> !s.deleted())
                .map(s -> new ContentView<>(s, Guard.roleOn(w, caller, ResourceRef.space(s.id()))))
                .iterator();
        return Paging.take(seen, x -> x.role() != null, limit, x -> SpaceKeys.of(x.value()));
    }

    private static Space keyOf(String key) {
        var k = SpaceKeys.parse(key);
        Instant t = k.createdAt();
        return new Space(k.id(), "-", null, "-", null, Visibility.PRIVATE, DefaultLevel.INHERIT, t, t, null);
    }

    public Written<ContentView<Space>> createSpace(Caller caller, String orgId, String title, String emoji, String parentId,
                                            Visibility visibility, DefaultLevel level) {
        String t = title == null ? "Untitled" : Validate.text("title", title, 1, 50);
        String e = Validate.optionalText("emoji", emoji, 50);
        return writes.write(caller, w -> {
            requireCreateIn(w, caller, orgId, parentId);
            Instant now = mint.now();
            Space s = new Space(mint.newId(), orgId, parentId, t, e, visibility == null ? Visibility.PRIVATE : visibility,
                    level == null ? DefaultLevel.INHERIT : level, now, now, null);
            checkVisibility(s);
            return Plan.viewed(List.of(new Change.SpacePut(s)), withRole(s, ResourceRef.space(s.id()), caller));
        });
    }

    /** A space the caller can access, or any public space that is not in the trash. */
    public ContentView<Space> space(Caller caller, String id) {
        return reads.read(w -> {
            Space s = w.space(id);
            Role role = Guard.roleOn(w, caller, ResourceRef.space(id));
            if (s == null || (role == null && !(s.visibility() == Visibility.PUBLIC && !s.deleted()))) {
                throw Guard.notFound(ResourceRef.space(id));
            }
            return new ContentView<>(s, role);
        });
    }

    public Written<ContentView<Space>> updateSpace(Caller caller, String id, String title, String emoji, boolean emojiGiven,
                                            Visibility visibility, DefaultLevel level) {
        if (title == null && !emojiGiven && visibility == null && level == null) {
            throw ApiException.badRequest("give at least one of 'title', 'emoji', 'visibility' and 'defaultLevel'");
        }
        String t = title == null ? null : Validate.text("title", title, 1, 50);
        String e = Validate.optionalText("emoji", emoji, 50);
        return writes.write(caller, w -> {
            Role role = Guard.admin(w, caller, ResourceRef.space(id));
            Space s = w.space(id);
            Space changed = new Space(s.id(), s.orgId(), s.parentId(), t != null ? t : s.title(),
                    emojiGiven ? e : s.emoji(), visibility != null ? visibility : s.visibility(),
                    level != null ? level : s.defaultLevel(), s.createdAt(), mint.now(), s.deletedAt());
            checkVisibility(changed);
            return Plan.of(List.of(new Change.SpacePut(changed)), new ContentView<>(changed, role));
        });
    }

    /** Moves a space to the trash. Returns false when it already was there. */
    public Written<Boolean> deleteSpace(Caller caller, String id) {
        return writes.write(caller, w -> {
            Guard.admin(w, caller, ResourceRef.space(id));
            Space s = w.space(id);
            if (s.deleted()) {
                return Plan.nothing(false);
            }
            Instant now = mint.now();
            return Plan.of(List.of(new Change.SpacePut(new Space(s.id(), s.orgId(), s.parentId(), s.title(), s.emoji(),
                    s.visibility(), s.defaultLevel(), s.createdAt(), now, now))), true);
        });
    }

    public Written<ContentView<Space>> restoreSpace(Caller caller, String id) {
        return writes.write(caller, w -> {
            Role role = Guard.admin(w, caller, ResourceRef.space(id));
            Space s = w.space(id);
            if (!s.deleted()) {
                return Plan.nothing(new ContentView<>(s, role));
            }
            Space restored = new Space(s.id(), s.orgId(), s.parentId(), s.title(), s.emoji(), s.visibility(),
                    s.defaultLevel(), s.createdAt(), mint.now(), null);
            return Plan.of(List.of(new Change.SpacePut(restored)), new ContentView<>(restored, role));
        });
    }

    public Written<ContentView<Space>> moveSpace(Caller caller, String id, String newParent) {
        return writes.write(caller, w -> {
            Role role = Guard.admin(w, caller, ResourceRef.space(id));
            Space s = w.space(id);
            requireCreateIn(w, caller, s.orgId(), newParent);
            Space moved = new Space(s.id(), s.orgId(), newParent, s.title(), s.emoji(), s.visibility(),
                    s.defaultLevel(), s.createdAt(), mint.now(), s.deletedAt());
            checkVisibility(moved);
            return Plan.of(List.of(new Change.SpacePut(moved)), new ContentView<>(moved, role));
        });
    }

    // ---------------------------------------------------------------- shared

    /** What a write created, with the caller's permission on it as the write leaves the index. */
    private static <T> java.util.function.Function<World, ContentView<T>> withRole(T created, ResourceRef r, Caller caller) {
        return w -> new ContentView<>(created, Guard.roleOn(w, caller, r));
    }

    /** New content may go at the top of the organization (member role >= create) or in a collection (create on it). */
    private static void requireCreateIn(World w, Caller caller, String orgId, String parentId) {
        Member m = Guard.member(w, caller, orgId);
        if (parentId == null) {
            if (!Role.covers(m.role(), Role.CREATE)) {
                throw ApiException.forbidden("creating content at the top of organization '" + orgId
                        + "' needs the create role");
            }
            return;
        }
        Collection parent = w.collection(parentId);
        if (parent == null || !parent.orgId().equals(orgId)) {
            throw ApiException.badRequest("'parent' must be a collection of organization '" + orgId + "'; '"
                    + parentId + "' is not");
        }
        Role onParent = Guard.roleOn(w, caller, ResourceRef.collection(parentId));
        if (onParent == null) {
            throw ApiException.badRequest("'parent' must be a collection of organization '" + orgId + "'; '"
                    + parentId + "' is not");
        }
        if (!onParent.atLeast(Role.CREATE)) {
            throw ApiException.forbidden("creating content in collection '" + parentId + "' needs the create permission");
        }
    }

    private static void checkVisibility(Space s) {
        if (s.visibility() == Visibility.IN_COLLECTION && s.parentId() == null) {
            throw ApiException.badRequest("visibility 'in-collection' is only for spaces in a collection");
        }
    }

    static void removeGrants(World w, ResourceRef r, List<Change> changes) {
        World.Grants grants = w.grants(r);
        for (Grant gr : grants.users().values()) {
            changes.add(new Change.GrantRemoved(r, SubjectRef.user(gr.subject().id())));
        }
        for (Grant gr : grants.teams().values()) {
            changes.add(new Change.GrantRemoved(r, SubjectRef.team(gr.subject().id())));
        }
    }
}
