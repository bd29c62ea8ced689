package dev.gatehouse.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The secrets a test created, by name, and where they turn up: in files (byte for byte) or in text read
 * from a database. A secret of raw bytes is also looked for in hex and base64, the forms it would be
 * written in as text.
 */
final class SecretScan {
    private final Map<String, List<byte[]>> secrets = new LinkedHashMap<>();

    void text(String name, String secret) {
        secrets.put(name, List.of(secret.getBytes(StandardCharsets.UTF_8)));
    }

    void bytes(String name, byte[] secret) {
        secrets.put(name, List.of(secret, HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII),
                HexFormat.of().withUpperCase().formatHex(secret).getBytes(StandardCharsets.US_ASCII),
                Base64.getEncoder().withoutPadding().encodeToString(secret).getBytes(StandardCharsets.US_ASCII),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret).getBytes(StandardCharsets.US_ASCII)));
    }

    List<String> names() {
        return List.copyOf(secrets.keySet());
    }

    /** "secret-name in where" for every secret found in {@code content}, except those named in {@code except}. */
    List<String> find(String where, byte[] content, List<String> except) {
        List<String> found = new ArrayList<>();
        secrets.forEach((name, forms) -> {
            if (!except.contains(name) && forms.stream().anyMatch(f -> indexOf(content, f) >= 0)) {
                found.add(name + " in " + where);
            }
        });
        return found;
    }

    /** Every file under {@code dir} but those named in {@code skip}. */
    List<String> findInFiles(Path dir, List<String> skip) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!skip.contains(f.getFileName().toString())) {
                    found.addAll(find(dir.relativize(f).toString(), Files.readAllBytes(f), List.of()));
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
