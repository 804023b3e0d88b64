/**
 * How modules talk: a module publishes {@link io.waybill.eventing.DomainEvent}s through
 * {@link io.waybill.eventing.EventPublisher} in the transaction of its change (the outbox), and
 * receives other modules' events as {@link io.waybill.eventing.ReceivedEvent}s through an
 * {@link io.waybill.eventing.EventHandler}. The relay carries them to Kafka, or to in-process
 * consumers when Kafka is not configured; every consumer group keeps its own offsets, so each
 * event reaches each group at least once and consumers are idempotent.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Eventing", allowedDependencies = "kernel")
package io.waybill.eventing;
