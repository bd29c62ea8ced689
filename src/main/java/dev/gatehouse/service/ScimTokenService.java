package dev.gatehouse.service;

import dev.gatehouse.engine.Reads;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.ScimToken;

import java.util.Base64;
import java.util.List;

/**
 * An organization's SCIM connections: the tokens its identity provider provisions it with, and turning a
 * presented SCIM token into the caller it stands for. A SCIM token is looked up only here, so it opens no
 * other endpoint; and only a SCIM token opens SCIM.
 */
public final class ScimTokenService {
    /** Beyond any one identity provider's needs, and it keeps a leaked admin token from minting without end. */
    static final int MAX_TOKENS = 20;

    private final Reads reads;
    private final Writes writes;
    private final Mint mint;

    public ScimTokenService(Reads reads, Writes writes, Mint mint) {
        this.reads = reads;
        this.writes = writes;
        this.mint = mint;
    }

    public record IssuedScimToken(ScimToken token, String secret) { }

    /** A new token for the organization (its admins only): the secret is in the answer and nowhere else. */
    public Written<IssuedScimToken> create(Caller caller, String orgId, String label) {
        String cleanLabel = label == null ? null : Validate.text("label", label, 1, 100);
        return writes.write(caller, w -> {
            Guard.orgAdmin(w, caller, orgId);
            if (w.scimTokensOf(orgId).size() >= MAX_TOKENS) {
                throw ApiException.conflict("organization '" + orgId + "' already has " + MAX_TOKENS
                        + " SCIM tokens; revoke one first");
            }
            String secret = "ghscim_" + Base64.getUrlEncoder().withoutPadding().encodeToString(mint.randomBytes(32));
            ScimToken token = new ScimToken(mint.newId(), orgId, cleanLabel, Tokens.hash(secret), mint.now());
            return Plan.of(List.of(new Change.ScimTokenPut(token)), new IssuedScimToken(token, secret));
        });
    }

    /** The organization's tokens, without their secrets (which are not kept). */
    public List<ScimToken> list(Caller caller, String orgId) {
        return reads.read(w -> {
            Guard.orgAdmin(w, caller, orgId);
            return List.copyOf(w.scimTokensOf(orgId).values());
        });
    }

    /** Revokes a token at once: the next request with it is refused. False when there was no such token. */
    public Written<Boolean> revoke(Caller caller, String orgId, String tokenId) {
        return writes.write(caller, w -> {
            Guard.orgAdmin(w, caller, orgId);
            ScimToken t = w.scimToken(tokenId);
            if (t == null || !t.orgId().equals(orgId)) {
                throw ApiException.notFound("no SCIM token with id '" + tokenId + "' in organization '" + orgId + "'");
            }
            return Plan.of(List.of(new Change.ScimTokenRemoved(tokenId)), true);
        });
    }

    /**
     * The identity provider of {@code orgId}, for a bearer token that is one of that organization's SCIM tokens;
     * 401 for anything else (another organization's SCIM token, an API token, the system token).
     */
    public Caller authenticate(String orgId, String token) {
        if (token == null || token.isBlank()) {
            throw ApiException.unauthorized("missing token: send 'Authorization: Bearer <SCIM token>'");
        }
        String hash = Tokens.hash(token.trim());
        ScimToken t = reads.read(w -> w.scimTokenByHash(hash));
        if (t == null || !t.orgId().equals(orgId)) {
            throw ApiException.unauthorized("this is not a SCIM token of this organization (revoked, mistyped, "
                    + "or issued for another)");
        }
        return Caller.scim(orgId);
    }
}
