package dev.gatehouse.store;

/**
 * Durable storage of everything Gatehouse knows, one interface per concern: the {@link Changelog} (the
 * truth and its history), the {@link AuditLog}, {@link IdempotencyKeys}, {@link Webhooks} and the
 * installation's {@link Secrets}. Each concern has one conformance suite that every store runs.
 */
public interface Store extends Changelog, AuditLog, IdempotencyKeys, Webhooks, Secrets, AutoCloseable {

    @Override
    void close();
}
