package dev.gatehouse.faults;

import dev.gatehouse.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/** What a store brings to the rounds: a fresh database per round and the faults it can suffer. */
interface Bench {
    /** "kill-9" is every store's: the round runs the node as a child process and kills it. */
    String KILL = "kill-9";

    String store();

    List<String> faults();

    /** A new, empty database for one round, with {@code dir} for its files. */
    Database prepare(Path dir) throws Exception;

    /** One round's database, and the ways into it. */
    interface Database extends AutoCloseable {
        /** Opens a store that the faults reach (through the proxy, or the failing decorator). */
        Supplier<Store> faulty();

        /** Opens a store straight on the database: the truth, and the node restarted after a kill. */
        Supplier<Store> direct();

        /** The {@code --db-url} of a child node, null for SQLite in the child's data directory. */
        String dbUrl();

        /** The child node's data directory. */
        Path nodeDir();

        /**
         * Injects {@code fault} into what {@link #faulty} opened, choosing its timing from {@code random}, and
         * returns once the database is reachable again, with what was done.
         */
        String inject(String fault, Random random) throws Exception;

        @Override
        void close() throws java.io.IOException, java.sql.SQLException;
    }
}
