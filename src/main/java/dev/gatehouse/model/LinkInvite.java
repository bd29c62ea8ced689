package dev.gatehouse.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An invite link of an organization. Whoever holds its {@code id} may join through it: the id is the
 * link's secret, random and unguessable, and is written neither to the access log nor to the audit log,
 * which name the link by its {@code ref} instead.
 *
 * <p>It grants membership of the organization with {@code role} ({@code null}: as a guest) when
 * {@code resource} is null, or {@code role} as a level on a space or a collection otherwise (with guest
 * membership for a joiner who is not a member yet). {@code expiresAt} and {@code maxUses} are optional
 * bounds; {@code uses} counts the joins that changed something; an inactive link refuses every join.
 */
public record LinkInvite(String id, String ref, String orgId, ResourceRef resource, Role role, Instant expiresAt,
                         Integer maxUses, long uses, boolean active, String createdBy, Instant createdAt) {
    public LinkInvite {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        if (resource != null && role == null) {
            throw new IllegalArgumentException("a link to a " + resource.type().wire() + " needs a level");
        }
    }

    /** Whether the link makes its joiner a member of the organization (rather than giving a level on content). */
    public boolean toOrganization() {
        return resource == null;
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean exhausted() {
        return maxUses != null && uses >= maxUses;
    }

    /** The same link, used once more. */
    public LinkInvite used() {
        return new LinkInvite(id, ref, orgId, resource, role, expiresAt, maxUses, uses + 1, active, createdBy, createdAt);
    }
}
