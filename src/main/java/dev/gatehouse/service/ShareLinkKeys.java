package dev.gatehouse.service;

import dev.gatehouse.model.Ids;
import dev.gatehouse.store.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of site share links. A link's key is {@code <link id>.<HMAC-SHA256 of the id>}, keyed with an
 * installation secret ({@link Secrets}, sealed at rest like every secret the database must keep usable):
 * GitBook shows a link's URL, key included, every time the link is read, so the key must be recoverable,
 * and deriving it keeps it out of every table, the changelog and the audit log alike. Checking a key
 * recomputes it; a key whose id and code do not match names no link.
 */
public final class ShareLinkKeys {
    /** The name of the installation secret the keys are derived with. */
    static final String SECRET = "share-link-keys";

    private final Secrets secrets;
    private volatile byte[] secret;

    public ShareLinkKeys(Secrets secrets) {
        this.secrets = secrets;
    }

    /** The key of the link with this id. */
    public String key(String shareLinkId) {
        return shareLinkId + "." + code(shareLinkId);
    }

    /** The id of the link a key names, or null when the key is not one this installation made. */
    public String idOf(String key) {
        if (key == null) {
            return null;
        }
        int dot = key.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        String id = key.substring(0, dot);
        if (!Ids.isValid(id)) {
            return null;
        }
        byte[] expected = code(id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = key.substring(dot + 1).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given) ? id : null;
    }

    private String code(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            byte[] code = mac.doFinal(("share-link:" + id).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(code);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] secret() {
        byte[] s = secret;
        if (s == null) {
            s = secrets.secret(SECRET);
            secret = s;
        }
        return s;
    }
}
