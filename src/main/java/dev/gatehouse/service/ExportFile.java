package dev.gatehouse.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Ids;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The export file: NDJSON (UTF-8, one JSON object a line, each line ended by a line feed). The first line is
 * the header {@code {"format":"gatehouse-export","version":2,"organizationId":"..."}}, then one line per record
 * ({@link ExportLines}), then {@code {"kind":"end","records":N}}. The closing line is how a reader tells a
 * whole file from one cut short: without it, or with another count, the file is refused.
 */
final class ExportFile {
    static final String FORMAT = "gatehouse-export";
    /**
     * The version this server writes, and the newest it reads. 2 added the {@code scimRecord} lines: a version 1
     * file (which has none) reads as before, and a server that reads only version 1 refuses a version 2 file as
     * newer than it reads, rather than stumbling on a line it does not know.
     */
    static final int VERSION = 2;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = new JsonFactory();

    /** A record line read from a file, with its line number for the errors that name it. */
    record Line(int number, Change put) {
    }

    /** What a file holds: the organization it is of, and its records in file order. */
    record Contents(String organizationId, List<Line> lines) {
    }

    private ExportFile() {
    }

    static void write(OutputStream out, String orgId, List<Change> puts) throws IOException {
        // Not closed: the stream is the caller's (a response, a file the command opened).
        JsonGenerator g = FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setRootValueSeparator(new SerializedString("\n"));
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", VERSION);
        g.writeStringField("organizationId", orgId);
        g.writeEndObject();
        for (Change c : puts) {
            ExportLines.write(g, c);
        }
        g.writeStartObject();
        g.writeStringField("kind", "end");
        g.writeNumberField("records", puts.size());
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    /** Reads a whole file; a line that is not what it must be refuses the file, naming the line. */
    static Contents read(InputStream in) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        int number = 0;
        String orgId = null;
        List<Line> lines = new ArrayList<>();
        boolean ended = false;
        try {
            String text;
            while ((text = reader.readLine()) != null) {
                number++;
                if (ended) {
                    if (text.isBlank()) {
                        continue;
                    }
                    throw at(number, "nothing may follow the closing line");
                }
                if (number > 1) {
                    // Most lines are as they must be, and are read without a tree; any other is read below.
                    Change quick = QuickLines.read(text);
                    if (quick != null) {
                        lines.add(new Line(number, quick));
                        continue;
                    }
                }
                JsonNode n = parse(number, text);
                if (number == 1) {
                    orgId = header(n);
                    continue;
                }
                if (n.path("kind").asText().equals("end")) {
                    closing(number, n, lines.size());
                    ended = true;
                    continue;
                }
                try {
                    lines.add(new Line(number, ExportLines.read(n)));
                } catch (IllegalArgumentException e) {
                    throw at(number, e.getMessage());
                }
            }
        } catch (CharacterCodingException e) {
            throw at(number + 1, "the file must be UTF-8");
        } catch (IOException e) {
            throw ApiException.badRequest("the file could not be read: " + e.getMessage());
        }
        if (number == 0) {
            throw at(1, "the file is empty; it must start with the header line");
        }
        if (!ended) {
            throw at(number, "the file ends without its closing line {\"kind\":\"end\",...}: it was cut short");
        }
        return new Contents(orgId, lines);
    }

    private static JsonNode parse(int number, String text) {
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || !n.isObject()) {
                throw at(number, "each line must be one JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw at(number, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static String header(JsonNode n) {
        if (!FORMAT.equals(n.path("format").asText(null))) {
            throw at(1, "the first line must be the header {\"format\":\"" + FORMAT + "\",\"version\":" + VERSION
                    + ",\"organizationId\":...}");
        }
        JsonNode version = n.get("version");
        if (version == null || !version.isIntegralNumber() || version.asLong() < 1) {
            throw at(1, "the header's 'version' must be a whole number from 1");
        }
        if (version.asLong() > VERSION) {
            throw at(1, "version " + version.asLong() + " is newer than this server reads (" + VERSION
                    + "): import it with a newer Gatehouse");
        }
        String org = n.path("organizationId").asText(null);
        if (!n.path("organizationId").isTextual() || !Ids.isValid(org)) {
            throw at(1, "the header's 'organizationId' must be " + Ids.rule());
        }
        if (n.size() != 3) {
            throw at(1, "the header holds only 'format', 'version' and 'organizationId'");
        }
        return org;
    }

    private static void closing(int number, JsonNode n, int records) {
        JsonNode count = n.get("records");
        if (count == null || !count.isIntegralNumber() || n.size() != 2) {
            throw at(number, "the closing line is {\"kind\":\"end\",\"records\":N}");
        }
        if (count.asLong() != records) {
            throw at(number, "the closing line counts " + count.asLong() + " records but the file holds " + records
                    + ": lines are missing");
        }
    }

    static ApiException at(int line, String message) {
        return ApiException.badRequest("line " + line + ": " + message);
    }
}
