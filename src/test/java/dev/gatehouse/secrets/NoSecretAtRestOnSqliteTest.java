package dev.gatehouse.secrets;

import dev.gatehouse.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The SQLite default: everything is in the data directory, whose every file is searched. */
class NoSecretAtRestOnSqliteTest extends NoSecretAtRestContract {
    @Override
    Map<String, String> databaseEnv() {
        return Map.of();
    }

    @Override
    byte[] cursorSecret(Path dataCopy) {
        try (SqliteStore store = SqliteStore.open(dataCopy.resolve("gatehouse.db"))) {
            return store.secret("cursor");
        }
    }

    @Override
    byte[] encryptionKey(Path data) throws IOException {
        Path file = data.resolve(KEY_FILE);
        return Files.exists(file) ? Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip())
                : null;
    }

    @Override
    Map<String, List<byte[]>> databaseValues() {
        return Map.of();
    }
}
