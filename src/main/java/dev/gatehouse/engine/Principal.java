package dev.gatehouse.engine;

import dev.gatehouse.model.Member;
import dev.gatehouse.model.Role;

/**
 * A member of an organization as permission walks read them: the membership and the user's grant keys.
 * The user's key, the role and the disabled flag are copied out of the grantee and the member, so that a
 * walk reads them without touching two more objects; the grantee is read only for the user's teams.
 */
final class Principal {
    final Member member;
    final Grantee grantee;
    /** The user's {@link Grantee#key}. */
    final int key;
    final String orgId;
    /** The member role; null for a guest. */
    final Role role;
    final boolean disabled;

    Principal(Member member, Grantee grantee) {
        this.member = member;
        this.grantee = grantee;
        this.key = grantee.key;
        this.orgId = member.orgId();
        this.role = member.role();
        this.disabled = member.disabled();
    }
}
