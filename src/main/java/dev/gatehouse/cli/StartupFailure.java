package dev.gatehouse.cli;

/**
 * Why the server cannot start, as the one line an operator reads: the cause and the fix, no stack trace.
 * The exit code is 2 when a setting must change, 1 when the machine or the database must.
 */
final class StartupFailure extends Exception {
    private final int exitCode;

    StartupFailure(int exitCode, String line) {
        super(line, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
