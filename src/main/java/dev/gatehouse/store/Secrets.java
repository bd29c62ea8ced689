package dev.gatehouse.store;

/** The installation's own secrets, made on first use and shared by every node on the database. */
public interface Secrets {

    /**
     * A random secret of this installation, created on first use and the same ever after (and on every
     * node sharing the database): used to sign pagination cursors.
     */
    byte[] secret(String name);
}
