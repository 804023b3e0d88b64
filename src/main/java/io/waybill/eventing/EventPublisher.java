package io.waybill.eventing;

/**
 * Writes an event to the outbox in the caller's transaction: it is published if and only if the
 * change it describes commits. Calling it outside a transaction is a programming error.
 */
public interface EventPublisher {

    void publish(DomainEvent event);
}
