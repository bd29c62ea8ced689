package dev.gatehouse.service;

import dev.gatehouse.engine.Reads;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.ApiToken;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Ids;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.User;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Users, their personal tokens, and turning a presented token into a {@link Caller}. */
public final class UserService {
    private final Reads reads;
    private final Writes writes;
    private final Mint mint;
    private final String systemTokenHash;
    private final MemberCascade cascade;

    public UserService(Reads reads, Writes writes, Mint mint, String systemToken) {
        this.reads = reads;
        this.writes = writes;
        this.mint = mint;
        this.systemTokenHash = Tokens.hash(systemToken);
        this.cascade = new MemberCascade();
    }

    /** The caller a bearer token stands for, or 401. */
    public Caller authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw ApiException.unauthorized("missing token: send 'Authorization: Bearer <token>'");
        }
        return authenticateHashed(Tokens.hash(token.trim()));
    }

    /**
     * As {@link #authenticate}, for a token already hashed with {@link Tokens#hash} (trimmed first): the HTTP
     * layer keys a token's rate limit by the same hash, and a request hashes its token once.
     */
    public Caller authenticateHashed(String hash) {
        if (Tokens.sameHash(hash, systemTokenHash)) {
            return Caller.SYSTEM;
        }
        ApiToken t = reads.read(w -> w.tokenByHash(hash));
        if (t == null) {
            throw ApiException.unauthorized("this token is not valid (revoked, mistyped, or never issued)");
        }
        return Caller.user(t.userId());
    }

    public record NewUser(String id, String displayName, String email, String photoUrl) { }

    /** Creates a user (system only). An email that was invited earlier completes that invited user. */
    public Written<User> create(Caller caller, NewUser req) {
        requireSystem(caller, "create users");
        if (req.id() != null && !Ids.isValid(req.id())) {
            throw ApiException.badRequest("'id' must be " + Ids.rule());
        }
        String displayName = Validate.text("displayName", req.displayName(), 1, 64);
        String email = Emails.normalize(req.email());
        String photo = Validate.optionalUrl("photoURL", req.photoUrl());
        return writes.write(caller, w -> {
            User byEmail = w.userByEmail(email);
            if (byEmail != null && !byEmail.invited()) {
                throw ApiException.conflict("a user with email '" + email + "' already exists (id '" + byEmail.id() + "')");
            }
            if (byEmail != null) {
                if (req.id() != null && !req.id().equals(byEmail.id())) {
                    throw ApiException.conflict("'" + email + "' was invited as user '" + byEmail.id()
                            + "'; create the account with that id, or without an id");
                }
                User claimed = new User(byEmail.id(), displayName, email, photo, false, byEmail.createdAt());
                return Plan.of(List.of(new Change.UserPut(claimed)), claimed);
            }
            String id = req.id() != null ? req.id() : mint.newId();
            if (w.user(id) != null) {
                throw ApiException.conflict("a user with id '" + id + "' already exists");
            }
            User user = new User(id, displayName, email, photo, false, mint.now());
            return Plan.of(List.of(new Change.UserPut(user)), user);
        });
    }

    /** A user the caller may see: themselves, anyone sharing an organization with them, or anyone for system. */
    public User get(Caller caller, String userId) {
        return reads.read(w -> visibleUser(w, caller, userId));
    }

    public User me(Caller caller) {
        if (caller.system()) {
            throw ApiException.notFound("the system token acts for no user; use a personal token");
        }
        return reads.read(w -> w.user(caller.userId()));
    }

    public Written<User> update(Caller caller, String userId, String displayName, String photoUrl, boolean photoGiven) {
        if (displayName == null && !photoGiven) {
            throw ApiException.badRequest("give at least one of 'displayName' and 'photoURL'");
        }
        String name = displayName == null ? null : Validate.text("displayName", displayName, 1, 64);
        String photo = Validate.optionalUrl("photoURL", photoUrl);
        return writes.write(caller, w -> {
            User u = visibleUser(w, caller, userId);
            if (!caller.system() && !caller.userId().equals(userId)) {
                throw ApiException.forbidden("only the user themselves or the system token may change a user");
            }
            User changed = new User(u.id(), name != null ? name : u.displayName(), u.email(),
                    photoGiven ? photo : u.photoUrl(), u.invited(), u.createdAt());
            return Plan.of(List.of(new Change.UserPut(changed)), changed);
        });
    }

    /** Deletes a user (system only) with their memberships, team places, grants and tokens. */
    public Written<Boolean> delete(Caller caller, String userId) {
        requireSystem(caller, "delete users");
        return writes.write(caller, w -> {
            User u = w.user(userId);
            if (u == null) {
                return Plan.nothing(false);
            }
            List<Change> changes = new ArrayList<>();
            for (String orgId : w.organizationsOf(userId)) {
                Member m = w.member(orgId, userId);
                cascade.requireAnotherAdmin(w, m, "delete user '" + userId + "'");
                cascade.removeMember(w, m, changes);
            }
            for (String tokenId : w.tokensOf(userId).keySet()) {
                changes.add(new Change.TokenRemoved(tokenId));
            }
            changes.add(new Change.UserRemoved(userId));
            return Plan.of(changes, true);
        });
    }

    public record IssuedToken(ApiToken token, String secret) { }

    public Written<IssuedToken> createToken(Caller caller, String userId, String label) {
        String cleanLabel = label == null ? null : Validate.text("label", label, 1, 100);
        return writes.write(caller, w -> {
            User u = ownUser(w, caller, userId);
            String id = mint.newId();
            String secret = "gh_" + Base64.getUrlEncoder().withoutPadding().encodeToString(mint.randomBytes(32));
            ApiToken token = new ApiToken(id, u.id(), cleanLabel, Tokens.hash(secret), mint.now());
            return Plan.of(List.of(new Change.TokenPut(token)), new IssuedToken(token, secret));
        });
    }

    public List<ApiToken> tokens(Caller caller, String userId) {
        return reads.read(w -> {
            ownUser(w, caller, userId);
            return List.copyOf(w.tokensOf(userId).values());
        });
    }

    public Written<Boolean> deleteToken(Caller caller, String userId, String tokenId) {
        return writes.write(caller, w -> {
            ownUser(w, caller, userId);
            ApiToken t = w.token(tokenId);
            if (t == null || !t.userId().equals(userId)) {
                return Plan.nothing(false);
            }
            return Plan.of(List.of(new Change.TokenRemoved(tokenId)), true);
        });
    }

    /** The user, when the caller is that user or the system; 404 otherwise (tokens are private). */
    private static User ownUser(World w, Caller caller, String userId) {
        User u = w.user(userId);
        if (u == null || (!caller.system() && !caller.userId().equals(userId))) {
            throw ApiException.notFound("no user with id '" + userId + "'");
        }
        return u;
    }

    static User visibleUser(World w, Caller caller, String userId) {
        User u = w.user(userId);
        if (u == null || !(caller.system() || caller.userId().equals(userId) || shareAnOrganization(w, caller.userId(), userId))) {
            throw ApiException.notFound("no user with id '" + userId + "'");
        }
        return u;
    }

    private static boolean shareAnOrganization(World w, String a, String b) {
        var mine = w.organizationsOf(a);
        var theirs = w.organizationsOf(b);
        var small = mine.size() <= theirs.size() ? mine : theirs;
        var large = small == mine ? theirs : mine;
        for (String org : small) {
            if (large.contains(org)) {
                Member m = w.member(org, a);
                if (m != null && !m.disabled()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void requireSystem(Caller caller, String what) {
        if (!caller.system()) {
            throw ApiException.forbidden("only the system token may " + what);
        }
    }
}
