package dev.gatehouse.service;

import dev.gatehouse.model.Change;
import java.util.List;

/** The changes a write will commit and what the write returns once they are committed. */
public record Plan<T>(List<Change> changes, T result) {
    public static <T> Plan<T> of(List<Change> changes, T result) {
        return new Plan<>(List.copyOf(changes), result);
    }

    public static <T> Plan<T> nothing(T result) {
        return new Plan<>(List.of(), result);
    }
}
