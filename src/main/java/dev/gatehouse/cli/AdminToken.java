package dev.gatehouse.cli;

import dev.gatehouse.store.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The system token: from {@code GATEHOUSE_ADMIN_TOKEN}, or else the one kept in the data directory,
 * generated on first start and written readable by its owner only.
 */
final class AdminToken {
    static final String FILE = "admin-token";

    private AdminToken() {
    }

    /** The token, and whether it was just created (and must be shown once). */
    record Resolved(String token, boolean created, Path file) { }

    static Resolved resolve(Settings s) throws IOException {
        if (s.adminToken() != null) {
            return new Resolved(s.adminToken(), false, null);
        }
        Path file = s.dataDir().resolve(FILE);
        if (Files.exists(file)) {
            return new Resolved(Files.readString(file, StandardCharsets.UTF_8).strip(), false, file);
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String token = "gh_sys_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        if (!PrivateFiles.file(file)) {
            // Another process made it meanwhile: its token is the one.
            return new Resolved(Files.readString(file, StandardCharsets.UTF_8).strip(), false, file);
        }
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return new Resolved(token, true, file);
    }
}
