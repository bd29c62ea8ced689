package dev.gatehouse.service;

import dev.gatehouse.engine.Reads;
import dev.gatehouse.store.Changelog;
import dev.gatehouse.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's index up with writes other nodes commit to the same database: it waits for the store
 * to announce a newer revision (PostgreSQL's LISTEN/NOTIFY, or polling), then applies the changelog.
 * While the database is down it keeps trying, and the index keeps answering at the revision it has.
 */
public final class Follower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Follower.class);
    private static final long WAIT_MILLIS = 1000;

    private final Changelog changelog;
    private final Reads index;
    private final GroupCommit writes;
    private final Metrics metrics;
    private final Background background = new Background("gatehouse-follower", this::loop);

    Follower(Changelog changelog, Reads index, GroupCommit writes, Metrics metrics) {
        this.changelog = changelog;
        this.index = index;
        this.writes = writes;
        this.metrics = metrics;
    }

    public void start() {
        background.start();
    }

    /** Applies at once what other nodes committed since the index's revision; returns the revisions applied. */
    public int catchUp() {
        return writes.catchUp();
    }

    private void loop() {
        long pause = 100;
        while (background.running()) {
            try {
                long latest = changelog.awaitChange(index.revision(), WAIT_MILLIS);
                metrics.followerSaw(latest);
                if (latest > index.revision()) {
                    metrics.followerApplied(catchUp());
                }
                pause = 100;
            } catch (StoreException e) {
                LOG.warn("cannot follow the changelog, retrying in {} ms: {}", pause, e.getMessage());
                sleep(pause);
                pause = Math.min(pause * 2, 5000);
            } catch (RuntimeException e) {
                LOG.error("following the changelog failed unexpectedly", e);
                sleep(pause);
            }
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            background.stop();
        }
    }

    @Override
    public void close() {
        background.close();
    }
}
