package io.waybill.eventing.outbox;

/** One stored event, as the relay and the in-process consumers read it. */
record OutboxRecord(long id, long position, String topic, String key, String envelope) {
}
