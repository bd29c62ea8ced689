package dev.gatehouse.store;

import dev.gatehouse.model.AuditPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditEvent;
import dev.gatehouse.model.AuditQuery;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.User;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AuditLog}: entries written with their commit, or not at all, paged by position. Every store runs it
 * through {@link StoreConformanceTest}.
 */
public interface AuditLogContract extends StoreFixture {
    /** An audit event of {@code action} in {@code org}, for the contracts that commit some. */
    static AuditEvent event(String org, String action) {
        return new AuditEvent(org, action, "space", "s1", "user", "u1", "read", "edit");
    }

    @Test
    default void auditEntriesAreWrittenWithTheirCommitAndPageByPosition() {
        Instant at = Instant.parse("2026-11-30T10:00:00.123456Z");
        store().commit(new Commit(0, "u1", at, List.of(new Change.OrganizationPut(Samples.ORG)),
                List.of(event("o1", "a.one"), event("o2", "b.one"), event("o1", "a.two"))));
        // An expiry is kept to the microsecond, as every time is.
        AuditEvent expiring = new AuditEvent("o1", "a.three", "space", "s1", "user", "u1", null, "edit",
                Instant.parse("2027-01-31T08:00:00.000001Z"));
        store().commit(new Commit(1, "system", at.plusSeconds(1), List.of(new Change.UserPut(Samples.USER)),
                List.of(expiring)));

        List<AuditEntry> all = store().auditLog("o1", AuditPosition.START, 10);
        assertThat(all).extracting(e -> e.event().action()).containsExactly("a.one", "a.two", "a.three");
        assertThat(all).extracting(AuditEntry::revision).containsExactly(1L, 1L, 2L);
        assertThat(all).extracting(AuditEntry::seq).containsExactly(0, 2, 0);
        assertThat(all.get(0)).isEqualTo(new AuditEntry(1, 0, at, "u1", event("o1", "a.one")));
        assertThat(all.get(2).actor()).isEqualTo("system");
        assertThat(all.get(2).event()).isEqualTo(expiring);
        assertThat(store().auditLog("o2", AuditPosition.START, 10)).extracting(e -> e.event().action())
                .containsExactly("b.one");
        // Positions resume exactly after an entry, or after a whole revision.
        assertThat(store().auditLog("o1", new AuditPosition(1, 0), 10)).extracting(e -> e.event().action())
                .containsExactly("a.two", "a.three");
        assertThat(store().auditLog("o1", AuditPosition.afterRevision(1), 10)).extracting(e -> e.event().action())
                .containsExactly("a.three");
        assertThat(store().auditLog("o1", new AuditPosition(2, -1), 10)).hasSize(1);
        assertThat(store().auditLog("o1", AuditPosition.START, 1)).hasSize(1);
    }

    @Test
    default void aCommitOfManyEntriesKeepsEveryOneInItsPlace() {
        // Around the store's rows-a-statement: one short of it, exactly it, twice it and a rest, one entry.
        Instant at = Instant.parse("2026-12-01T10:00:00.5Z");
        int[] sizes = {63, 64, 133, 1};
        long revision = 0;
        for (int size : sizes) {
            List<AuditEvent> events = new java.util.ArrayList<>();
            for (int i = 0; i < size; i++) {
                events.add(new AuditEvent(i % 3 == 0 ? "o2" : "o1", "grant.created", "space", "s" + revision + "-" + i,
                        "user", "u" + i, null, i % 2 == 0 ? "read" : "edit",
                        i % 5 == 0 ? at.plusSeconds(i) : null));
            }
            store().commit(new Commit(revision, "import", at, List.of(new Change.UserPut(Samples.USER)), events));
            long written = ++revision;
            List<AuditEntry> read = new java.util.ArrayList<>(store().auditLog("o1", AuditPosition.afterRevision(written - 1), 1000));
            read.addAll(store().auditLog("o2", AuditPosition.afterRevision(written - 1), 1000));
            read.sort(java.util.Comparator.comparingInt(AuditEntry::seq));
            List<AuditEntry> expected = new java.util.ArrayList<>();
            for (int i = 0; i < size; i++) {
                expected.add(new AuditEntry(written, i, at, "import", events.get(i)));
            }
            assertThat(read).as("a commit of %d entries", size).containsExactlyElementsOf(expected);
        }
    }

    @Test
    default void entriesAreReadNewestFirstFilteredAndFoundByTheirPlace() {
        // Whole seconds and fractions alike: the time filters compare instants, not the text the log keeps.
        Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
        Instant t1 = Instant.parse("2026-11-30T10:00:00.5Z");
        Instant t2 = Instant.parse("2026-11-30T10:00:01.000123Z");
        store().commit(new Commit(0, "u1", t0, List.of(new Change.OrganizationPut(Samples.ORG)),
                List.of(event("o1", "a.one"), event("o2", "b.one"))));
        store().commit(new Commit(1, "system", t1, List.of(new Change.UserPut(Samples.USER)),
                List.of(event("o1", "a.two"), new AuditEvent("o1", "a.two", "page", "p1", null, null, null, null))));
        store().commit(new Commit(2, "u1", t2, List.of(new Change.UserRemoved(Samples.USER.id())),
                List.of(event("o1", "a.three"))));

        List<AuditEntry> all = store().auditEntries("o1", AuditQuery.ALL, null, 10);
        assertThat(all).extracting(e -> e.revision() + "." + e.seq()).containsExactly("3.0", "2.1", "2.0", "1.0");
        assertThat(store().auditEntries("o1", AuditQuery.ALL, null, 2)).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(store().auditEntries("o1", AuditQuery.ALL, new AuditPosition(2, 1), 10))
                .containsExactlyElementsOf(all.subList(2, 4));
        assertThat(store().auditEntries("o1", AuditQuery.ALL, new AuditPosition(1, 0), 10)).isEmpty();

        assertThat(actions(new AuditQuery(t1, null, null, null, null))).containsExactly("a.three", "a.two", "a.two");
        assertThat(actions(new AuditQuery(t0.plusNanos(1000), t1, null, null, null))).containsExactly("a.two", "a.two");
        assertThat(actions(new AuditQuery(null, t1.minusNanos(1000), null, null, null))).containsExactly("a.one");
        assertThat(actions(new AuditQuery(t2, t2, null, null, null))).containsExactly("a.three");
        assertThat(actions(new AuditQuery(null, null, "a.two", null, null))).containsExactly("a.two", "a.two");
        assertThat(actions(new AuditQuery(null, null, null, "system", null))).containsExactly("a.two", "a.two");
        assertThat(actions(new AuditQuery(null, null, null, null, "p1"))).containsExactly("a.two");
        assertThat(actions(new AuditQuery(null, null, "a.one", "u1", "s1"))).containsExactly("a.one");
        assertThat(actions(new AuditQuery(null, null, "b.one", null, null))).isEmpty();

        assertThat(store().auditEntry("o1", 2, 1)).isEqualTo(all.get(1));
        assertThat(store().auditEntry("o2", 1, 1).event().action()).isEqualTo("b.one");
        assertThat(store().auditEntry("o1", 1, 1)).as("another organization's entry").isNull();
        assertThat(store().auditEntry("o1", 9, 0)).isNull();
    }

    private List<String> actions(AuditQuery q) {
        return store().auditEntries("o1", q, null, 10).stream().map(e -> e.event().action()).toList();
    }

    @Test
    default void aFailedCommitLeavesNoAuditEntry() {
        store().commit("system", List.of(new Change.UserPut(Samples.USER)));
        User sameEmail = new User("other", "Other", Samples.USER.email(), null, false, Samples.T);
        assertThatThrownBy(() -> store().commit(new Commit(1, "system", Instant.now(),
                List.of(new Change.UserPut(sameEmail)), List.of(event("o1", "member.added")))))
                .isInstanceOf(StoreException.class);
        assertThat(store().auditLog("o1", AuditPosition.START, 10)).isEmpty();
    }
}
