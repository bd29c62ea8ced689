package dev.gatehouse.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.datasets.Datasets;
import dev.gatehouse.model.AccessRequest;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.LinkInvite;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.ScimRecord;
import dev.gatehouse.model.ShareLink;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export, import into an empty installation, export again: the same bytes, and a second import writes nothing. */
class ExportRoundTripTest {
    private static final Instant LATER = Instant.parse("2099-01-01T00:00:00Z");
    private static final Instant T = Instant.parse("2025-06-01T00:00:00Z");

    @TempDir
    static Path dir;

    static byte[] exported;

    @BeforeAll
    static void exportASlice() throws IOException {
        try (SqliteStore store = SqliteStore.open(dir.resolve("source/gatehouse.db"))) {
            Datasets.large(store, 11, Datasets.Large.scaled(0.01));
            // What the dataset lacks: links of both kinds, an access request, grants that expire.
            store.commit("system", List.of(
                    new Change.LinkInvitePut(new LinkInvite("inviteSecret01", "ref01", "large", null, Role.READ, LATER,
                            10, 2, true, "u000000", T)),
                    new Change.LinkInvitePut(new LinkInvite("inviteSecret02", "ref02", "large",
                            ResourceRef.space("s000003"), Role.EDIT, null, null, 0, false, "u000001", T)),
                    new Change.SiteShareLinkPut(new ShareLink("share01", "w000000", "For the auditors", true, T)),
                    new Change.GrantPut(new Grant(ResourceRef.space("s000001"), SubjectRef.user("u000009"), Role.ADMIN,
                            LATER)),
                    new Change.AccessRequestPut(new AccessRequest("ar01", ResourceRef.space("s000002"), "u000010",
                            Role.EDIT, "please", AccessRequest.Status.PENDING, null, null, T, null, null)),
                    // What SCIM keeps of a member and a team it provisioned.
                    new Change.ScimRecordPut(new ScimRecord("large", ScimRecord.Kind.USER, "u000004", "okta-00u4",
                            "Ada L.", "{\"givenName\":\"Ada\",\"familyName\":\"L.\"}", T)),
                    new Change.ScimRecordPut(new ScimRecord("large", ScimRecord.Kind.GROUP, "t000001", "okta-00g1",
                            null, null, T.plusSeconds(1)))));
            try (Services source = open(store)) {
                exported = export(source);
            }
        }
    }

    @Test
    void anImportExportsAsTheFileItCameFrom() throws IOException {
        try (Services target = open(SqliteStore.open(dir.resolve("target1/gatehouse.db")))) {
            DataService.Imported first = target.data().importFrom(Caller.SYSTEM, "large", new ByteArrayInputStream(exported));
            assertTrue(first.writes() > 1, "written in chunks: " + first);
            assertEquals(first.records(), first.written());
            assertArrayEquals(exported, export(target));
            assertEquals("okta-00u4", target.reads().read(w -> w.scimRecord("large", ScimRecord.Kind.USER, "u000004"))
                    .externalId(), "the identity provider finds its users again");

            long revision = target.reads().revision();
            DataService.Imported again = target.data().importFrom(Caller.SYSTEM, null, new ByteArrayInputStream(exported));
            assertEquals(0, again.written());
            assertEquals(0, again.writes());
            assertEquals(revision, target.reads().revision(), "a second import writes nothing");
        }
        // What was written is the store's, not only the index's: a restart exports the same bytes.
        try (Services reopened = open(SqliteStore.open(dir.resolve("target1/gatehouse.db")))) {
            assertArrayEquals(exported, export(reopened));
        }
    }

    /**
     * Chunks of one kind of record are described in one pass ({@link dev.gatehouse.engine.ApartPuts}), not
     * tried out record by record: the log must be exactly what describing the file's records one after the
     * other, each applied before the next, says.
     */
    @Test
    void anImportIsAuditedAsItsRecordsOneByOne() {
        List<dev.gatehouse.model.AuditEvent> expected = new java.util.ArrayList<>();
        dev.gatehouse.engine.Index oneByOne = new dev.gatehouse.engine.Index();
        long revision = 0;
        for (ExportFile.Line line : ExportFile.read(new ByteArrayInputStream(exported)).lines()) {
            expected.addAll(oneByOne.read(w -> dev.gatehouse.engine.AuditTrail.describe(w, line.put())));
            oneByOne.apply(++revision, List.of(line.put()));
        }
        try (SqliteStore store = SqliteStore.open(dir.resolve("target3/gatehouse.db"));
             Services target = open(store)) {
            DataService.Imported imported = target.data().importFrom(Caller.SYSTEM, "large",
                    new ByteArrayInputStream(exported));
            List<List<Change>> chunks = DataService.chunks(ExportFile.read(new ByteArrayInputStream(exported)).lines()
                    .stream().map(ExportFile.Line::put).toList());
            assertTrue(chunks.stream().filter(c -> c.size() >= GroupCommit.APART_FROM
                    && dev.gatehouse.engine.ApartPuts.describe(new dev.gatehouse.engine.World(), c) != null).count() >= 3,
                    "the file has chunks written apart");
            assertEquals(chunks.size(), imported.writes());
            List<dev.gatehouse.model.AuditEvent> logged = new java.util.ArrayList<>();
            dev.gatehouse.model.AuditPosition after = new dev.gatehouse.model.AuditPosition(0, 0);
            while (true) {
                List<dev.gatehouse.model.AuditEntry> page = store.auditLog("large", after, 5_000);
                if (page.isEmpty()) {
                    break;
                }
                page.forEach(e -> logged.add(e.event()));
                dev.gatehouse.model.AuditEntry last = page.get(page.size() - 1);
                after = new dev.gatehouse.model.AuditPosition(last.revision(), last.seq());
            }
            assertEquals(expected.size(), logged.size());
            assertEquals(expected, logged);
        }
    }

    /** Each kind of record given twice: the file is refused at the second line, whichever way the check keeps that kind. */
    @Test
    void aRecordGivenTwiceIsRefusedAtItsSecondLine() {
        List<String> lines = List.of(new String(exported, StandardCharsets.UTF_8).split("\n"));
        try (Services target = open(SqliteStore.open(dir.resolve("target4/gatehouse.db")))) {
            for (String kind : List.of("user", "member", "team", "teamMember", "collection", "space", "site", "siteSpace",
                    "page", "grant", "linkInvite", "shareLink", "accessRequest", "scimRecord")) {
                String first = lines.stream().filter(l -> l.startsWith("{\"kind\":\"" + kind + "\",")).findFirst()
                        .orElseThrow();
                List<String> twice = new java.util.ArrayList<>(lines.subList(0, lines.size() - 1));
                twice.add(first);
                twice.add("{\"kind\":\"end\",\"records\":" + (twice.size() - 1) + "}");
                byte[] bytes = (String.join("\n", twice) + "\n").getBytes(StandardCharsets.UTF_8);
                ApiException e = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                        () -> target.data().importFrom(Caller.SYSTEM, "large", new ByteArrayInputStream(bytes)));
                assertTrue(e.getMessage().startsWith("line " + (twice.size() - 1) + ": a second " + kind + " '"),
                        e.getMessage());
                assertEquals(0, target.reads().revision(), "nothing was written");
            }
        }
    }

    @Test
    void theFileHoldsWhatTheOrganizationOwnsAndNoTokens() {
        String text = new String(exported, StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        assertEquals("{\"format\":\"gatehouse-export\",\"version\":2,\"organizationId\":\"large\"}", lines[0]);
        assertEquals("{\"kind\":\"end\",\"records\":" + (lines.length - 2) + "}", lines[lines.length - 1]);
        for (String kind : List.of("user", "organization", "member", "team", "teamMember", "collection", "space",
                "site", "siteSpace", "page", "grant", "linkInvite", "shareLink", "accessRequest", "scimRecord")) {
            assertTrue(text.contains("{\"kind\":\"" + kind + "\","), kind);
        }
        assertTrue(text.contains("\"expiresAt\":\"2099-01-01T00:00:00Z\""), "grants keep their expiry");
        assertFalse(text.contains("secretHash"), "no token travels in an export");
    }

    @Test
    void anAdminImportsIntoTheirOwnOrganizationOnly() throws IOException {
        try (Services target = open(SqliteStore.open(dir.resolve("target2/gatehouse.db")))) {
            long before = target.reads().revision();
            ApiException e = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () ->
                    target.data().importFrom(Caller.user("u000000"), "large", new ByteArrayInputStream(exported)));
            assertEquals(404, e.status(), "only the system token creates an organization");
            assertEquals(before, target.reads().revision());
            target.data().importFrom(Caller.SYSTEM, "large", new ByteArrayInputStream(exported));
            // u000000 is one of the dataset's admins: it may import into the organization it administers.
            assertEquals(0, target.data().importFrom(Caller.user("u000000"), "large",
                    new ByteArrayInputStream(exported)).written());
            assertArrayEquals(exported, export(target));

            // Users are the installation's: an admin's file may not create one.
            String text = new String(exported, StandardCharsets.UTF_8);
            String[] lines = text.split("\n");
            List<String> more = new java.util.ArrayList<>(List.of(lines).subList(0, lines.length - 1));
            more.add(1, "{\"kind\":\"user\",\"id\":\"newbie\",\"displayName\":\"New\",\"email\":null,"
                    + "\"photoUrl\":null,\"invited\":false,\"createdAt\":\"2025-01-01T00:00:00Z\"}");
            more.add("{\"kind\":\"end\",\"records\":" + (more.size() - 1) + "}");
            byte[] withNewUser = (String.join("\n", more) + "\n").getBytes(StandardCharsets.UTF_8);
            long revision = target.reads().revision();
            ApiException refused = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () ->
                    target.data().importFrom(Caller.user("u000000"), "large", new ByteArrayInputStream(withNewUser)));
            assertEquals(403, refused.status());
            assertTrue(refused.getMessage().startsWith("line 2: user 'newbie' does not exist"), refused.getMessage());
            assertEquals(revision, target.reads().revision());
            assertEquals(1, target.data().importFrom(Caller.SYSTEM, "large", new ByteArrayInputStream(withNewUser))
                    .written());
        }
    }

    static Services open(SqliteStore store) {
        return Services.open(store, Services.Options.defaults("round-trip-test-system-token"));
    }

    static byte[] export(Services services) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        services.data().export(Caller.SYSTEM, "large", out);
        return out.toByteArray();
    }
}
