package dev.gatehouse.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the secrets the store must give back in clear (webhook signing keys, the cursor-signing key) with
 * AES-256-GCM, under a key that is never in the database: a leaked database or backup leaks no usable
 * secret without the key. (Personal tokens need no box: a hash suffices to check them, see service.Tokens.)
 *
 * <p>A sealed value is a version byte, a random 12-byte nonce, then the ciphertext with its 16-byte tag.
 * The row a value belongs to ({@code context}) is authenticated with it, so a sealed value moved into
 * another row does not open.
 */
public final class SecretBox {
    /** The key file's name in a data directory: the key in base64, the same form GATEHOUSE_SECRET_KEY takes. */
    public static final String KEY_FILE = "secret-key";
    private static final int KEY_BYTES = 32;
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretBox(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the key must be " + KEY_BYTES + " bytes; got " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public static SecretBox of(byte[] key) {
        return new SecretBox(key.clone());
    }

    /** A key written as base64, as in GATEHOUSE_SECRET_KEY; the message never repeats the text. */
    public static SecretBox fromBase64(String text) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the key must be " + KEY_BYTES + " random bytes in base64, such as "
                    + "`openssl rand -base64 32` prints");
        }
        return new SecretBox(key);
    }

    /** A fresh random key, in the base64 form {@link #fromBase64} reads. */
    public static String newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * The key kept in {@code file}, which is created (0600) with a new key if it does not exist. Two processes
     * creating it together agree: the key is written to a private temporary file and linked into place, which
     * only one of them can do; the other reads the winner's.
     */
    public static SecretBox keyFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            Path tmp = file.resolveSibling(file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            PrivateFiles.file(tmp);
            try {
                Files.writeString(tmp, newKey() + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.createLink(file, tmp);
                } catch (FileAlreadyExistsException e) {
                    // Another process was first: its key is the one.
                } catch (UnsupportedOperationException e) {
                    Files.move(tmp, file);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        PrivateFiles.tighten(file);
        try {
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IOException("the key file " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    public byte[] seal(byte[] clear, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            return ByteBuffer.allocate(1 + NONCE_BYTES + c.getOutputSize(clear.length)).put(VERSION).put(nonce)
                    .put(c.doFinal(clear)).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws StoreException when the value was sealed with another key, for another row, or was altered */
    public byte[] open(byte[] sealed, String context) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new StoreException("the sealed secret " + context + " is not in a form this Gatehouse knows", null);
        }
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES), context);
            return c.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new StoreException("the secret " + context + " in the database was sealed with another key: set "
                    + "GATEHOUSE_SECRET_KEY (or restore DATA/" + KEY_FILE + ") to the key the database was used with", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** {@link #seal} for text columns: the sealed bytes in base64. */
    public String sealText(String clear, String context) {
        return Base64.getEncoder().encodeToString(seal(clear.getBytes(StandardCharsets.UTF_8), context));
    }

    public String openText(String sealed, String context) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new StoreException("the sealed secret " + context + " is not base64", e);
        }
        return new String(open(bytes, context), StandardCharsets.UTF_8);
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return c;
    }

    @Override
    public String toString() {
        return "SecretBox[key withheld]";
    }
}
