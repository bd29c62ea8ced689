package dev.gatehouse.service;

import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Ids;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.User;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the people a request names (by user id or by email) within one write, adding whatever the
 * model requires to the write's changes:
 * <ul>
 *   <li>an email of a known user resolves to that user;</li>
 *   <li>an unknown email creates an invited user (who claims the same id and grants when their account
 *       is created later);</li>
 *   <li>a user id reaches only the organization's own members: an id of someone outside it answers
 *       exactly like an id that does not exist, so one tenant can neither probe another's ids nor pull
 *       its users in (and then read their names and emails in its lists). The system token, which
 *       administers every organization, may name any user;</li>
 *   <li>a user who is not a member of the organization (named by email, or by id by the system token)
 *       becomes a guest member: a user with a grant anywhere in an organization is always a member of it.</li>
 * </ul>
 * Pending users and members are remembered, so one request may name the same person twice.
 */
final class Recipients {
    private final Mint mint;
    private final Caller caller;
    private final World w;
    private final String orgId;
    private final List<Change> changes;
    private final Map<String, User> pendingUsers = new HashMap<>();
    private final Map<String, Member> pendingMembers = new HashMap<>();
    private int invitedCount;
    private final java.util.Set<String> named = new java.util.HashSet<>();

    Recipients(Mint mint, Caller caller, World w, String orgId, List<Change> changes) {
        this.mint = mint;
        this.caller = caller;
        this.w = w;
        this.orgId = orgId;
        this.changes = changes;
    }

    /** The user a reference names, or a 400 that says which entry is wrong. */
    User resolve(String ref) {
        if (ref == null || ref.isBlank()) {
            throw ApiException.badRequest("a user entry is empty: give a user id or an email");
        }
        if (Emails.looksLikeEmail(ref)) {
            String email = Emails.normalize(ref);
            User known = pendingUsers.containsKey(email) ? pendingUsers.get(email) : w.userByEmail(email);
            if (known != null) {
                return known;
            }
            User invited = new User(mint.newId(), email, email, null, true, mint.now());
            pendingUsers.put(email, invited);
            changes.add(new Change.UserPut(invited));
            invitedCount++;
            return invited;
        }
        if (!Ids.isValid(ref)) {
            throw ApiException.badRequest("'" + ref + "' is neither a user id (" + Ids.rule() + ") nor an email");
        }
        User user = w.user(ref);
        if (user == null || !reachableById(user)) {
            throw ApiException.badRequest("no user with id '" + ref + "'");
        }
        return user;
    }

    /**
     * Whether this caller may name the user by id in this organization. Only stored memberships count,
     * not ones this request adds: otherwise naming an outsider's email and then an id would tell, by a
     * refused request that changes nothing, whether that id is theirs.
     */
    private boolean reachableById(User user) {
        return caller.system() || w.member(orgId, user.id()) != null;
    }

    /**
     * Whether {@code id} names a user {@code caller} may name by id in {@code orgId} (see {@link #resolve}):
     * a grant's path names its user so, and both its PATCH and its DELETE answer 404 when it names nobody.
     */
    static boolean knownById(World w, Caller caller, String orgId, String id) {
        User user = w.user(id);
        return user != null && (caller.system() || w.member(orgId, id) != null);
    }

    /**
     * Like {@link #resolve}, for a list where each person may appear once: naming someone twice (by id,
     * email, or both, in any letter case) is a 400 that names them.
     */
    User resolveOnce(String ref, String field) {
        User u = resolve(ref);
        if (!named.add(u.id())) {
            throw ApiException.badRequest("'" + field + "' names the same person twice ('" + ref + "'); give each once");
        }
        return u;
    }

    /** The user's membership, adding them as a guest (or with {@code roleIfNew}) when they are not yet a member. */
    Member ensureMember(User user, dev.gatehouse.model.Role roleIfNew) {
        Member m = pendingMembers.get(user.id());
        if (m == null) {
            m = w.member(orgId, user.id());
        }
        if (m == null) {
            m = new Member(orgId, user.id(), roleIfNew, false, mint.now());
            pendingMembers.put(user.id(), m);
            changes.add(new Change.MemberPut(m));
        }
        return m;
    }

    /** The role a member has, counting memberships added earlier in this write. */
    Member memberOf(String userId) {
        Member m = pendingMembers.get(userId);
        return m != null ? m : w.member(orgId, userId);
    }

    /** How many of the emails resolved so far had no account. */
    int invitedCount() {
        return invitedCount;
    }
}
