package dev.gatehouse.bench;

import dev.gatehouse.model.Change;
import dev.gatehouse.model.Grant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Gives a share of the grants of a dataset's batches an expiry: the same grants, roles and order, each
 * chosen one expiring at a random instant within {@code spread} after {@code first}. Chosen by a seeded
 * generator, so the same share names the same grants of {@code large} in every run.
 */
final class ExpiringData {
    private final SplittableRandom random = new SplittableRandom(11);
    private final double share;
    private final Instant first;
    private final long spreadMicros;

    ExpiringData(double share, Instant first, Duration spread) {
        this.share = share;
        this.first = first;
        this.spreadMicros = Math.max(1, spread.toNanos() / 1000);
    }

    /** The batch with the chosen grants expiring; batches must come in the dataset's order. */
    List<Change> mark(List<Change> batch) {
        List<Change> out = new ArrayList<>(batch.size());
        for (Change c : batch) {
            if (c instanceof Change.GrantPut p && random.nextDouble() < share) {
                Grant g = p.grant();
                Instant at = first.plus(random.nextLong(spreadMicros), ChronoUnit.MICROS);
                out.add(new Change.GrantPut(new Grant(g.resource(), g.subject(), g.role(), at)));
            } else {
                out.add(c);
            }
        }
        return out;
    }
}
