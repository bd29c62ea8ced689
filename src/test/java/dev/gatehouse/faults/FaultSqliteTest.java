package dev.gatehouse.faults;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fault rounds on SQLite. */
class FaultSqliteTest {
    @TempDir
    Path dir;

    @Test
    void everyRuleHoldsUnderEveryFault() throws Exception {
        FaultRounds.run(new SqliteBench(), dir);
    }
}
