package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
    @TempDir
    Path dir;

    @Test
    void aSealedValueOpensOnlyWithItsKeyAndInItsOwnRow() {
        SecretBox box = SecretBox.fromBase64(SecretBox.newKey());
        String sealed = box.sealText("the-signing-key", "webhooks/h1");
        assertThat(sealed).doesNotContain("the-signing-key");
        assertThat(box.sealText("the-signing-key", "webhooks/h1")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.openText(sealed, "webhooks/h1")).isEqualTo("the-signing-key");
        assertThatThrownBy(() -> box.openText(sealed, "webhooks/h2")).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> SecretBox.fromBase64(SecretBox.newKey()).openText(sealed, "webhooks/h1"))
                .isInstanceOf(StoreException.class).hasMessageContaining("GATEHOUSE_SECRET_KEY");
    }

    @Test
    void aKeyMustBe32BytesOfBase64AndTheMessageDoesNotRepeatIt() {
        assertThatThrownBy(() -> SecretBox.fromBase64("c2hvcnQ=")).hasMessageContaining("32").hasMessageNotContaining("c2hvcnQ");
        assertThatThrownBy(() -> SecretBox.fromBase64("not base64 at all!")).hasMessageNotContaining("at all");
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyOnceAndProcessesCreatingItTogetherAgree() throws Exception {
        Path file = dir.resolve(SecretBox.KEY_FILE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SecretBox>> boxes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                boxes.add(pool.submit(() -> SecretBox.keyFile(file)));
            }
            String sealed = boxes.get(0).get().sealText("x", "c");
            for (Future<SecretBox> b : boxes) {
                assertThat(b.get().openText(sealed, "c")).isEqualTo("x");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.list(dir)).containsExactly(file);
        String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
        assertThat(SecretBox.fromBase64(key).openText(SecretBox.keyFile(file).sealText("y", "c"), "c")).isEqualTo("y");
    }
}
