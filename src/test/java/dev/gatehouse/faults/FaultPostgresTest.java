package dev.gatehouse.faults;

import dev.gatehouse.store.postgres.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fault rounds on the embedded PostgreSQL, one server for all rounds, a database each. */
class FaultPostgresTest {
    private static TestPostgres postgres;
    private static CrashablePostgres crashable;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() {
        postgres = TestPostgres.start();
        crashable = new CrashablePostgres(postgres.port());
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
        crashable.close();
    }

    @Test
    void everyRuleHoldsUnderEveryFault() throws Exception {
        FaultRounds.run(new PostgresBench(postgres, crashable), dir);
    }
}
