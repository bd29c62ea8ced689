package dev.gatehouse.http;

import dev.gatehouse.service.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pagination cursors: the keyset position of the last item of a page, signed with the installation's
 * secret and bound to the list it came from (path and filters). A cursor that was altered, or is used on
 * another list, is refused with a 400 instead of silently starting somewhere else.
 */
final class Cursors {
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;

    private final byte[] secret;

    Cursors(byte[] secret) {
        this.secret = secret.clone();
    }

    String encode(String binding, String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        return ENC.encodeToString(k) + "." + ENC.encodeToString(mac(binding, k));
    }

    String decode(String binding, String cursor) {
        int dot = cursor.indexOf('.');
        try {
            if (dot < 1) {
                throw new IllegalArgumentException("no signature");
            }
            byte[] k = DEC.decode(cursor.substring(0, dot));
            byte[] sig = DEC.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(sig, mac(binding, k))) {
                throw new IllegalArgumentException("bad signature");
            }
            return new String(k, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'page' is not a cursor of this list; pass the 'next.page' value of the "
                    + "previous page unchanged, or leave 'page' out to start at the top");
        }
    }

    private byte[] mac(String binding, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(binding.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(key);
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
