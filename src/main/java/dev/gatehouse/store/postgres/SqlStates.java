package dev.gatehouse.store.postgres;

import java.sql.SQLException;

/** What PostgreSQL's SQLSTATE codes mean for a caller. */
final class SqlStates {
    private SqlStates() {
    }

    /**
     * True when the data broke a constraint (class 23: unique, not-null, check...), anywhere in the causes.
     * A lost connection (class 08) and every other failure are not conflicts: retrying the same write may
     * succeed.
     */
    static boolean conflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException n = s; n != null; n = n.getNextException()) {
                    if (n.getSQLState() != null && n.getSQLState().startsWith("23")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * True when a failed COMMIT may nonetheless have committed: the connection broke (class 08, or no
     * SQLSTATE at all, which pgjdbc gives an I/O failure) or the server was shutting down (class 57) while
     * it was being answered. Any other SQLSTATE is the server's own answer that it rolled back.
     */
    static boolean outcomeUnknown(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57");
    }
}
