package dev.gatehouse.service;

/** The outcome of a write: what it produced and the store revision that holds it (unchanged when nothing changed). */
public record Written<T>(T value, long revision, boolean changed) {
}
