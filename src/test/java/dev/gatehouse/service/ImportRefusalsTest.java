package dev.gatehouse.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.model.Role;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that is cut short, of a newer version, of another organization, or that names what is not there is
 * refused whole with its line, and the installation it was given to is as it was.
 */
class ImportRefusalsTest {
    @TempDir
    static Path dir;

    static Services target;
    static List<String> file;
    static String otherTeam;

    @BeforeAll
    static void aSmallOrganizationAndAnotherOne() throws IOException {
        try (Services source = ExportRoundTripTest.open(SqliteStore.open(dir.resolve("source/gatehouse.db")))) {
            source.users().create(Caller.SYSTEM, new UserService.NewUser("ada", "Ada", "ada@example.com", null));
            source.users().create(Caller.SYSTEM, new UserService.NewUser("bob", "Bob", "bob@example.com", null));
            String org = source.organizations().create(Caller.SYSTEM, "Acme", Role.READ, "ada").value().id();
            source.organizations().invite(Caller.SYSTEM, org,
                    List.of(new OrganizationService.Invite("bob@example.com", Role.EDIT, true)), Role.EDIT, true);
            source.teams().create(Caller.SYSTEM, org, "Writers", List.of("bob"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            source.data().export(Caller.SYSTEM, org, out);
            file = new ArrayList<>(Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n")));
        }
        target = ExportRoundTripTest.open(SqliteStore.open(dir.resolve("target/gatehouse.db")));
        // Another organization in the target, whose ids a file must not take over.
        target.users().create(Caller.SYSTEM, new UserService.NewUser("carol", "Carol", "carol@example.com", null));
        String other = target.organizations().create(Caller.SYSTEM, "Other", Role.READ, "carol").value().id();
        otherTeam = target.teams().create(Caller.SYSTEM, other, "Theirs", List.of()).value().team().id();
    }

    @AfterAll
    static void close() {
        target.close();
    }

    @Test
    void theUntouchedFileImports() {
        // The refusals below are of their one change: the file itself is good (imported into a copy of its own).
        try (Services fresh = ExportRoundTripTest.open(SqliteStore.open(dir.resolve("fresh/gatehouse.db")))) {
            assertEquals(file.size() - 2, fresh.data().importFrom(Caller.SYSTEM, null, bytes(file)).written());
            assertTrue(String.join("\n", file).contains("\"kind\":\"teamMember\""));
        }
    }

    @Test
    void aFileCutShortIsRefused() {
        refused(file.size() - 1, lines -> new ArrayList<>(lines.subList(0, lines.size() - 1)), "cut short");
        String cut = String.join("\n", file);
        cut = cut.substring(0, cut.length() - 30);
        String text = cut;
        refusedBytes(file.size() - 1, text.getBytes(StandardCharsets.UTF_8), "not valid JSON");
        refused(file.size() - 1, lines -> {
            List<String> l = new ArrayList<>(lines);
            l.remove(3);
            return l;
        }, "lines are missing");
    }

    @Test
    void aNewerVersionIsRefused() {
        refused(1, lines -> with(lines, 0, lines.get(0).replace("\"version\":2", "\"version\":3")), "version 3 is newer");
        // A file of version 1 (before SCIM's lines) still imports.
        try (Services fresh = ExportRoundTripTest.open(SqliteStore.open(dir.resolve("v1/gatehouse.db")))) {
            List<String> v1 = with(file, 0, file.get(0).replace("\"version\":2", "\"version\":1"));
            assertEquals(file.size() - 2, fresh.data().importFrom(Caller.SYSTEM, null, bytes(v1)).written());
        }
    }

    @Test
    void anotherOrganizationsFileIsRefused() {
        String other = firstOrg();
        ApiException e = assertThrows(ApiException.class,
                () -> target.data().importFrom(Caller.SYSTEM, other, bytes(file)));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("line 1: the file is of organization"), e.getMessage());
    }

    @Test
    void aRecordOfAnotherOrganizationIsRefused() {
        int member = index("\"kind\":\"member\"");
        refused(member + 1, lines -> with(lines, member, lines.get(member).replaceFirst("\"orgId\":\"[^\"]+\"",
                "\"orgId\":\"someoneElse\"")), "of organization 'someoneElse'");
    }

    @Test
    void anIdOfAnotherOrganizationIsRefused() {
        int team = index("\"kind\":\"team\"");
        String ours = file.get(team).replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        refused(team + 1, lines -> {
            List<String> l = new ArrayList<>();
            for (String s : lines) {
                l.add(s.replace("\"" + ours + "\"", "\"" + otherTeam + "\""));
            }
            return l;
        }, "team '" + otherTeam + "' belongs to another organization");
    }

    @Test
    void danglingReferencesAreRefused() {
        int member = index("\"kind\":\"member\"");
        refused(member + 1, lines -> with(lines, member, lines.get(member).replaceFirst("\"userId\":\"[^\"]+\"",
                "\"userId\":\"nobody\"")), "no user 'nobody'");
    }

    @Test
    void emailsAreKeptLowerCaseAndOneThatIsNoEmailIsRefused() {
        int ada = index("\"email\":\"ada@example.com\"");
        refused(ada + 1, lines -> with(lines, ada, lines.get(ada).replace("ada@example.com", "ada at example")),
                "is not an email address");
        try (Services fresh = ExportRoundTripTest.open(SqliteStore.open(dir.resolve("emails/gatehouse.db")))) {
            fresh.data().importFrom(Caller.SYSTEM, null,
                    bytes(with(file, ada, file.get(ada).replace("ada@example.com", " Ada@Example.COM"))));
            assertEquals("ada", fresh.reads().read(w -> w.userByEmail("ada@example.com")).id());
            boolean plain = fresh.reads().read(w -> w.emailsAllPlain());
            assertTrue(plain, "every email is kept lower case");
        }
    }

    @Test
    void aScimRecordOfNoMemberOrTeamIsRefused() {
        String org = orgIdOfFile();
        String user = "{\"kind\":\"scimRecord\",\"record\":{\"orgId\":\"" + org + "\",\"kind\":\"USER\","
                + "\"id\":\"bob\",\"externalId\":\"okta-1\",\"displayName\":null,\"name\":null,"
                + "\"lastModified\":\"2026-01-01T00:00:00Z\"}}";
        // The line as an export writes it imports; of a user who is no member, or a team not there, it does not.
        try (Services fresh = ExportRoundTripTest.open(SqliteStore.open(dir.resolve("scim/gatehouse.db")))) {
            assertEquals(file.size() - 1, fresh.data().importFrom(Caller.SYSTEM, null, bytes(appended(file, user)))
                    .written());
            assertEquals("okta-1", fresh.reads().read(w -> w.scimRecord(org, dev.gatehouse.model.ScimRecord.Kind.USER,
                    "bob")).externalId());
        }
        refused(file.size(), lines -> appended(lines, user.replace("\"bob\"", "\"carol\"")),
                "SCIM's record of user 'carol' is of no member");
        refused(file.size(), lines -> appended(lines, user.replace("\"USER\"", "\"GROUP\"")),
                "no team 'bob'");
        refused(file.size(), lines -> appended(lines, user.replace("\"USER\"", "\"ROBOT\"")),
                "'record.kind' must be one of [USER, GROUP]");
    }

    /** The file with {@code line} added before its closing line, which counts it. */
    private static List<String> appended(List<String> lines, String line) {
        List<String> l = new ArrayList<>(lines.subList(0, lines.size() - 1));
        l.add(line);
        l.add("{\"kind\":\"end\",\"records\":" + (l.size() - 1) + "}");
        return l;
    }

    @Test
    void badLinesAreRefusedWithTheirNumber() {
        int member = index("\"kind\":\"member\"");
        refused(member + 1, lines -> with(lines, member, lines.get(member).replace("\"role\":", "\"rank\":")),
                "missing");
        refused(member + 1, lines -> with(lines, member, lines.get(member).replace("}", ",\"extra\":1}")),
                "unknown field 'extra'");
        refused(member + 1, lines -> with(lines, member, lines.get(member).replace("\"EDIT\"", "\"BOSS\"")),
                "must be one of");
        refused(member + 1, lines -> with(lines, member, lines.get(member).replace("\"kind\":\"member\"",
                "\"kind\":\"planet\"")), "unknown kind 'planet'");
        refused(member + 2, lines -> {
            List<String> l = new ArrayList<>(lines);
            l.add(member + 1, lines.get(member));
            l.set(l.size() - 1, "{\"kind\":\"end\",\"records\":" + (l.size() - 2) + "}");
            return l;
        }, "a second member");
        refused(1, lines -> with(lines, 0, "[1,2,3]"), "one JSON object");
    }

    private static String firstOrg() {
        return target.organizations().list(Caller.SYSTEM, null, 10).items().stream()
                .filter(o -> !o.id().equals(orgIdOfFile())).findFirst().orElseThrow().id();
    }

    private static String orgIdOfFile() {
        return file.get(0).replaceAll(".*\"organizationId\":\"([^\"]+)\".*", "$1");
    }

    private static int index(String part) {
        for (int i = 0; i < file.size(); i++) {
            if (file.get(i).contains(part) && !file.get(i).contains("\"role\":\"ADMIN\"")) {
                return i;
            }
        }
        throw new AssertionError("no line with " + part);
    }

    private static List<String> with(List<String> lines, int at, String line) {
        List<String> l = new ArrayList<>(lines);
        l.set(at, line);
        return l;
    }

    private static void refused(int line, UnaryOperator<List<String>> edit, String says) {
        refusedBytes(line, String.join("\n", edit.apply(file)).concat("\n").getBytes(StandardCharsets.UTF_8), says);
    }

    private static void refusedBytes(int line, byte[] bytes, String says) {
        long before = target.reads().revision();
        ApiException e = assertThrows(ApiException.class,
                () -> target.data().importFrom(Caller.SYSTEM, null, new ByteArrayInputStream(bytes)));
        assertEquals(400, e.status(), e.getMessage());
        assertTrue(e.getMessage().startsWith("line " + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(says), e.getMessage());
        assertEquals(before, target.reads().revision(), "nothing was written");
    }

    private static ByteArrayInputStream bytes(List<String> lines) {
        return new ByteArrayInputStream(String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8));
    }
}
