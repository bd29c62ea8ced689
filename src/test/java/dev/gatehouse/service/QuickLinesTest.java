package dev.gatehouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.datasets.Datasets;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.ScimRecord;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick reading of a line against the strict one, which is the one that refuses: on every line an export
 * writes they read the same put, and on lines mangled at random the quick one either leaves the line to the
 * strict one or reads exactly what the strict one reads. It never takes a line the strict one refuses.
 */
class QuickLinesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dir;

    static List<String> lines;

    @BeforeAll
    static void anExport() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("gatehouse.db"))) {
            Datasets.large(store, 5, Datasets.Large.scaled(0.004));
            store.commit("system", List.of(new Change.ScimRecordPut(new ScimRecord("large", ScimRecord.Kind.USER,
                    "u000001", "00u\"1\\\u00e9", "Ad\u00e1", "{\"givenName\":\"Ad\u00e1\"}", Instant.parse("2026-01-01T00:00:00.5Z")))));
            try (Services services = ExportRoundTripTest.open(store)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                services.data().export(Caller.SYSTEM, "large", out);
                String[] all = out.toString(StandardCharsets.UTF_8).split("\n");
                lines = List.of(all).subList(1, all.length - 1);
            }
        }
    }

    @Test
    void everyLineAnExportWritesIsReadQuicklyAndTheSame() {
        assertThat(lines).hasSizeGreaterThan(1000);
        for (String line : lines) {
            assertThat(QuickLines.read(line)).as(line).isNotNull().isEqualTo(strict(line));
        }
    }

    @Test
    void aMangledLineIsLeftToTheStrictReadingOrReadAsItReadsIt() {
        Random random = new Random(16_2026);
        int taken = 0;
        int left = 0;
        for (int i = 0; i < 40_000; i++) {
            String line = mangle(lines.get(random.nextInt(lines.size())), random);
            Change quick = QuickLines.read(line);
            if (quick == null) {
                left++;
                continue;
            }
            taken++;
            Object strict;
            try {
                strict = strict(line);
            } catch (RuntimeException e) {
                strict = e;
            }
            assertThat(strict).as("the strict reading of %s", line).isEqualTo(quick);
        }
        // Both sides happen: some mangled lines are still good lines (a space, another id), most are not.
        assertThat(taken).isGreaterThan(1000);
        assertThat(left).isGreaterThan(10_000);
    }

    private static Change strict(String line) {
        try {
            JsonNode n = MAPPER.readTree(line);
            return ExportLines.read(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final String[] VALUES = {"null", "true", "false", "0", "-1", "1.5", "1e3", "99999999999999999999",
        "2147483648", "\"\"", "\"READ\"", "\"EDIT\"", "\"BOSS\"", "\"a b\"", "\"x\"", "[]", "[\"a\"]", "[1]", "{}",
        "\"2026-01-01T00:00:00Z\"", "\"2026-02-30T00:00:00Z\"", "\"2026-01-01\"", "{\"type\":\"SPACE\",\"id\":\"s1\"}"};

    /** One random change to a line: a character, a value, or a field dropped, doubled or renamed. */
    private static String mangle(String line, Random random) {
        int at = random.nextInt(line.length());
        switch (random.nextInt(7)) {
            case 0:
                return line.substring(0, at) + line.substring(at + 1);
            case 1:
                return line.substring(0, at) + "\",:{}[] 1a\\".charAt(random.nextInt(11)) + line.substring(at);
            case 2: {
                // A value replaced: from a ':' to the next ',' or '}'.
                int colon = line.indexOf(':', at);
                if (colon < 0) {
                    return line;
                }
                int end = colon + 1;
                int depth = 0;
                while (end < line.length() && (depth > 0 || line.charAt(end) != ',' && line.charAt(end) != '}')) {
                    char c = line.charAt(end);
                    depth += c == '{' || c == '[' ? 1 : c == '}' || c == ']' ? -1 : 0;
                    end++;
                }
                return line.substring(0, colon + 1) + VALUES[random.nextInt(VALUES.length)] + line.substring(end);
            }
            case 3: {
                // A field dropped or doubled: the text from a ',' to the next ','.
                int comma = line.indexOf(',', at);
                int next = comma < 0 ? -1 : line.indexOf(',', comma + 1);
                if (next < 0) {
                    return line;
                }
                String field = line.substring(comma, next);
                return random.nextBoolean() ? line.substring(0, comma) + line.substring(next)
                        : line.substring(0, next) + field + line.substring(next);
            }
            case 4:
                return line.replaceFirst("\"(\\w+)\":", "\"" + (random.nextBoolean() ? "kind" : "x") + "\":");
            case 5:
                return line + (random.nextBoolean() ? " " : "{}");
            default:
                return " " + line.replace(",\"", random.nextBoolean() ? ", \"" : ",\"");
        }
    }
}
