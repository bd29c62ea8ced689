package dev.gatehouse.service;

import dev.gatehouse.engine.Reads;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.LinkInvite;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ResourceType;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.SubjectRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Invite links: made by those who may share what they give (organization admins for membership, admins of
 * a space or collection for a level there), and joined through by anyone holding the link's id.
 *
 * <p>A join never lowers anything: it raises the joiner's member role, or their own grant on the content,
 * to what the link gives, and when the joiner already has that much it is {@code redundant} and writes
 * nothing. Every join that changes something counts as one use; uses are counted by the write path, which
 * plans writes one at a time against the index, so two joins at once can never exceed {@code maxUses}.
 */
public final class InviteLinkService {
    /** How far ahead an expiry may be. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(366);
    public static final int MAX_USES = 1_000_000;

    private final Reads reads;
    private final Writes writes;
    private final Mint mint;

    public InviteLinkService(Reads reads, Writes writes, Mint mint) {
        this.reads = reads;
        this.writes = writes;
        this.mint = mint;
    }

    /** A link as the caller sees it: with whether joining would add nothing for them, and its content. */
    public record View(LinkInvite invite, boolean redundant, Space space, Collection collection, Role callerRole) { }

    /** What a new link gives and its bounds. {@code resource} null: membership of the organization. */
    public record Spec(ResourceRef resource, Role role, Instant expiresAt, Integer maxUses) { }

    public Written<View> create(Caller caller, String orgId, Spec spec) {
        checkBounds(spec.expiresAt(), spec.maxUses());
        if (spec.resource() != null && spec.role() == null) {
            throw ApiException.badRequest("'level' must be a role: a link to a " + spec.resource().type().wire()
                    + " gives a level there");
        }
        return writes.write(caller, w -> {
            Guard.member(w, caller, orgId);
            if (spec.resource() == null) {
                Guard.orgAdmin(w, caller, orgId);
            } else {
                ResourceRef r = spec.resource();
                if (!orgId.equals(w.organizationOf(r))) {
                    throw Guard.notFound(r);
                }
                Guard.mayGrant(Guard.admin(w, caller, r), spec.role());
            }
            String id = secretId();
            LinkInvite k = new LinkInvite(id, mint.newId(), orgId, spec.resource(), spec.role(), spec.expiresAt(),
                    spec.maxUses(), 0, true, caller.actor(), mint.now());
            return Plan.of(List.of(new Change.LinkInvitePut(k)), view(w, caller, k));
        });
    }

    /** The links the caller may manage: all of them for organization admins, else those to content they administer. */
    public Slice<View> list(Caller caller, String orgId, String after, int limit) {
        return reads.read(w -> {
            Guard.member(w, caller, orgId);
            var all = w.linkInvites(orgId);
            var source = after == null ? all.values() : all.tailMap(after, false).values();
            return Paging.map(Paging.take(source, k -> live(w, k) && mayManage(w, caller, k), limit, LinkInvite::id),
                    k -> view(w, caller, k));
        });
    }

    public View get(Caller caller, String orgId, String id) {
        return reads.read(w -> view(w, caller, managed(w, caller, orgId, id)));
    }

    /** What a PATCH changes; a {@code *Given} flag false leaves that part as it is. */
    public record Patch(boolean roleGiven, Role role, boolean levelGiven, boolean expiresGiven, Instant expiresAt,
                        boolean maxUsesGiven, Integer maxUses, Boolean active) { }

    public Written<View> update(Caller caller, String orgId, String id, Patch p) {
        if (!p.roleGiven() && !p.levelGiven() && !p.expiresGiven() && !p.maxUsesGiven() && p.active() == null) {
            throw ApiException.badRequest("give 'role' (a link to the organization) or 'level' (a link to content), "
                    + "and/or 'expiresAt', 'maxUses', 'active'");
        }
        checkBounds(p.expiresGiven() ? p.expiresAt() : null, p.maxUsesGiven() ? p.maxUses() : null);
        return writes.write(caller, w -> {
            LinkInvite k = managed(w, caller, orgId, id);
            Role role = k.role();
            if (p.roleGiven() || p.levelGiven()) {
                if (k.toOrganization() && p.levelGiven()) {
                    throw ApiException.badRequest("this link is to the organization: give 'role', not 'level'");
                }
                if (!k.toOrganization() && p.roleGiven()) {
                    throw ApiException.badRequest("this link is to a " + k.resource().type().wire()
                            + ": give 'level', not 'role'");
                }
                role = p.role();
                if (!k.toOrganization()) {
                    if (role == null) {
                        throw ApiException.badRequest("'level' must be a role: a link to a "
                                + k.resource().type().wire() + " gives a level there");
                    }
                    Guard.mayGrant(Guard.admin(w, caller, k.resource()), role);
                }
            }
            LinkInvite changed = new LinkInvite(k.id(), k.ref(), k.orgId(), k.resource(), role,
                    p.expiresGiven() ? p.expiresAt() : k.expiresAt(), p.maxUsesGiven() ? p.maxUses() : k.maxUses(),
                    k.uses(), p.active() != null ? p.active() : k.active(), k.createdBy(), k.createdAt());
            if (changed.equals(k)) {
                return Plan.nothing(view(w, caller, k));
            }
            return Plan.of(List.of(new Change.LinkInvitePut(changed)), view(w, caller, changed));
        });
    }

    /** Deletes a link: true when there was one. A link the caller may not manage is a 404. */
    public Written<Boolean> delete(Caller caller, String orgId, String id) {
        return writes.write(caller, w -> {
            LinkInvite k = managed(w, caller, orgId, id);
            return Plan.of(List.of(new Change.LinkInviteRemoved(k.id())), true);
        });
    }

    /**
     * Joins through a link: true when it was redundant (the caller already had what it gives; nothing is
     * written, so joining twice is harmless). A deactivated, expired or used-up link is a 410.
     */
    public Written<Boolean> join(Caller caller, String orgId, String id) {
        if (caller.system()) {
            throw ApiException.badRequest("the system token is not a user: join with the token of the user who joins");
        }
        String userId = caller.userId();
        return writes.write(caller, w -> {
            LinkInvite k = w.linkInvite(id);
            if (k == null || !k.orgId().equals(orgId) || !live(w, k)) {
                throw notFound(orgId);
            }
            if (!k.active()) {
                throw new ApiException(410, "this invite link has been deactivated: ask for a new one");
            }
            Instant now = mint.now();
            if (k.expired(now)) {
                throw new ApiException(410, "this invite link expired at " + k.expiresAt() + ": ask for a new one");
            }
            Member m = w.member(orgId, userId);
            if (m != null && m.disabled()) {
                throw ApiException.forbidden("your membership of organization '" + orgId
                        + "' is disabled: an admin must enable it again; an invite link does not");
            }
            if (redundant(w, caller, k)) {
                return Plan.nothing(true);
            }
            if (k.exhausted()) {
                throw new ApiException(410, "this invite link has been used its " + k.maxUses()
                        + " times: ask for a new one");
            }
            List<Change> changes = new ArrayList<>();
            if (k.toOrganization()) {
                changes.add(new Change.MemberPut(m == null ? new Member(orgId, userId, k.role(), false, now)
                        : m.withRole(k.role())));
            } else {
                if (m == null) {
                    changes.add(new Change.MemberPut(new Member(orgId, userId, null, false, now)));
                }
                changes.add(new Change.GrantPut(new Grant(k.resource(), SubjectRef.user(userId), k.role())));
            }
            changes.add(new Change.LinkInviteUsed(k.id(), userId));
            return Plan.of(changes, false);
        });
    }

    private View view(World w, Caller caller, LinkInvite k) {
        Space s = null;
        Collection c = null;
        Role callerRole = null;
        if (!k.toOrganization()) {
            callerRole = Guard.roleOn(w, caller, k.resource());
            if (k.resource().type() == ResourceType.SPACE) {
                s = w.space(k.resource().id());
            } else {
                c = w.collection(k.resource().id());
            }
        }
        return new View(k, redundant(w, caller, k), s, c, callerRole);
    }

    /** Whether joining would give the caller nothing: they already have the role, or at least the level. */
    private static boolean redundant(World w, Caller caller, LinkInvite k) {
        if (caller.system()) {
            return true;
        }
        Member m = w.member(k.orgId(), caller.userId());
        if (m == null || m.disabled()) {
            return false;
        }
        if (k.toOrganization()) {
            return k.role() == null || (m.role() != null && m.role().atLeast(k.role()));
        }
        Role have = Guard.roleOn(w, caller, k.resource());
        return have != null && have.atLeast(k.role());
    }

    /** A link whose content still exists (a link to a space in the trash waits for its restore). */
    private static boolean live(World w, LinkInvite k) {
        if (k.toOrganization()) {
            return true;
        }
        if (!w.exists(k.resource())) {
            return false;
        }
        Space s = k.resource().type() == ResourceType.SPACE ? w.space(k.resource().id()) : null;
        return s == null || s.deletedAt() == null;
    }

    private static boolean mayManage(World w, Caller caller, LinkInvite k) {
        if (caller.system()) {
            return true;
        }
        Member m = w.member(k.orgId(), caller.userId());
        if (m == null || m.disabled()) {
            return false;
        }
        if (m.role() == Role.ADMIN) {
            return true;
        }
        return !k.toOrganization() && Guard.roleOn(w, caller, k.resource()) == Role.ADMIN;
    }

    private static LinkInvite managed(World w, Caller caller, String orgId, String id) {
        Guard.member(w, caller, orgId);
        LinkInvite k = w.linkInvite(id);
        if (k == null || !k.orgId().equals(orgId) || !live(w, k) || !mayManage(w, caller, k)) {
            throw notFound(orgId);
        }
        return k;
    }

    /** The id is the secret: never repeated in an answer to someone who sent a wrong one. */
    private static ApiException notFound(String orgId) {
        return ApiException.notFound("no invite link with this id in organization '" + orgId + "'");
    }

    private void checkBounds(Instant expiresAt, Integer maxUses) {
        if (expiresAt != null) {
            Instant now = mint.now();
            if (!expiresAt.isAfter(now)) {
                throw ApiException.badRequest("'expiresAt' must be in the future; it is " + expiresAt);
            }
            if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
                throw ApiException.badRequest("'expiresAt' may be at most a year ahead");
            }
        }
        if (maxUses != null && (maxUses < 1 || maxUses > MAX_USES)) {
            throw ApiException.badRequest("'maxUses' must be 1 to " + MAX_USES);
        }
    }

    /** 160 random bits in hex: a link's id is what lets one join, so it must not be guessable. */
    private String secretId() {
        return HexFormat.of().formatHex(mint.randomBytes(20));
    }
}
