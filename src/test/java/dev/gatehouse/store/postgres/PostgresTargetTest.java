package dev.gatehouse.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class PostgresTargetTest {
    @Test
    void messagesShowTheUrlAndUserButNeverThePassword() {
        PostgresTarget t = new PostgresTarget("jdbc:postgresql://db:5432/gh?ssl=true&password=s3cret&x=1", "gh", "hunter22");
        assertThat(t.safeUrl()).isEqualTo("jdbc:postgresql://db:5432/gh?ssl=true&password=***&x=1");
        assertThat(t.toString()).contains("db:5432/gh").contains("gh").doesNotContain("s3cret").doesNotContain("hunter22");
        assertThat(new PostgresTarget("jdbc:postgresql://db/gh?PASSWORD=a", null, null).safeUrl()).doesNotContain("=a");
    }

    @Test
    void onlyAPostgresqlUrlIsATarget() {
        assertThatThrownBy(() -> new PostgresTarget("jdbc:sqlite:x.db", null, null)).hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void connectionFailuresAreWaitedForAndRefusalsAreNot() {
        assertThat(Reach.unreachable(new SQLException("refused", "08001"))).isTrue();
        assertThat(Reach.unreachable(new SQLException("starting up", "57P03"))).isTrue();
        assertThat(Reach.unreachable(new SQLException("bad password", "28P01"))).isFalse();
        assertThat(Reach.unreachable(new SQLException("no such database", "3D000"))).isFalse();
        assertThat(SqlStates.conflict(new RuntimeException(new SQLException("unique", "23505")))).isTrue();
        assertThat(SqlStates.conflict(new SQLException("lost", "08006"))).isFalse();
    }
}
