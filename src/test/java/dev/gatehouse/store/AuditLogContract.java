package dev.gatehouse.store;

import dev.gatehouse.model.AuditPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.model.AuditEvent;
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
        store().commit(new Commit(1, "system", at.plusSeconds(1), List.of(new Change.UserPut(Samples.USER)),
                List.of(event("o1", "a.three"))));

        List<AuditEntry> all = store().auditLog("o1", AuditPosition.START, 10);
        assertThat(all).extracting(e -> e.event().action()).containsExactly("a.one", "a.two", "a.three");
        assertThat(all).extracting(AuditEntry::revision).containsExactly(1L, 1L, 2L);
        assertThat(all).extracting(AuditEntry::seq).containsExactly(0, 2, 0);
        assertThat(all.get(0)).isEqualTo(new AuditEntry(1, 0, at, "u1", event("o1", "a.one")));
        assertThat(all.get(2).actor()).isEqualTo("system");
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
    default void aFailedCommitLeavesNoAuditEntry() {
        store().commit("system", List.of(new Change.UserPut(Samples.USER)));
        User sameEmail = new User("other", "Other", Samples.USER.email(), null, false, Samples.T);
        assertThatThrownBy(() -> store().commit(new Commit(1, "system", Instant.now(),
                List.of(new Change.UserPut(sameEmail)), List.of(event("o1", "member.added")))))
                .isInstanceOf(StoreException.class);
        assertThat(store().auditLog("o1", AuditPosition.START, 10)).isEmpty();
    }
}
