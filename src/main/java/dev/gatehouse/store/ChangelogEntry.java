package dev.gatehouse.store;

import dev.gatehouse.model.Change;
import java.time.Instant;
import java.util.List;

/** One committed write: its revision, when and by whom it was made, and its changes in order. */
public record ChangelogEntry(long revision, Instant committedAt, String actor, List<Change> changes) {
}
