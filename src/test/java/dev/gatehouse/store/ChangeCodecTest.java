package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.model.Change;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeCodecTest {

    @Test
    void everyKindOfChangeReadsBackEqual() {
        List<Change> all = new ArrayList<>(Samples.puts());
        all.addAll(Samples.removals());
        all.add(new Change.LinkInviteUsed("l1secret", "u2"));
        Set<Class<?>> kinds = new HashSet<>();
        all.forEach(c -> kinds.add(c.getClass()));
        assertThat(kinds).containsExactlyInAnyOrder(Change.class.getPermittedSubclasses());
        assertThat(ChangeCodec.decode(ChangeCodec.encode(all))).isEqualTo(all);
    }

    @Test
    void entriesWrittenBeforeTheSsoFlagAndEmailDomainsReadWithout() {
        String old = "[{\"type\":\"MemberPut\",\"member\":{\"orgId\":\"o\",\"userId\":\"u\",\"role\":\"READ\","
                + "\"disabled\":false,\"joinedAt\":\"2026-11-24T09:15:30Z\"}},{\"type\":\"OrganizationPut\","
                + "\"organization\":{\"id\":\"o\",\"title\":\"T\",\"defaultRole\":null,\"createdAt\":\"2026-11-24T09:15:30Z\"}}]";
        List<Change> read = ChangeCodec.decode(old);
        assertThat(((Change.MemberPut) read.get(0)).member().sso()).isFalse();
        assertThat(((Change.OrganizationPut) read.get(1)).organization().emailDomains()).isEmpty();
    }

    @Test
    void timesKeepTheirNanoseconds() {
        String json = ChangeCodec.encode(List.of(new Change.UserPut(Samples.USER)));
        assertThat(json).contains("2026-11-24T09:15:30.123456789Z");
    }

    @Test
    void anUnknownChangeTypeIsRefusedClearly() {
        assertThatThrownBy(() -> ChangeCodec.decode("[{\"type\":\"Teleport\"}]")).hasMessageContaining("Teleport");
    }
}
